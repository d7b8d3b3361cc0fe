// The notice tests' real parts: an SMTP server (tests/support/smtp_server.sh), a workbook to
// attach, a certificate for STARTTLS, and what arrived, read back with Python's email package.
#pragma once

#include "adapters/config/settings.hpp"
#include "adapters/mail/notice.hpp"
#include "tests/support/test_support.hpp"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace govpub::test {

//! A real SMTP server (aiosmtpd) on 127.0.0.1, stopped when the object goes.
class SmtpTestServer {
  public:
    //! Starts it in `dir` on a free port; `options` as smtp_server.py takes them.
    explicit SmtpTestServer(std::filesystem::path dir, std::string options = "");
    ~SmtpTestServer();
    SmtpTestServer(const SmtpTestServer&) = delete;
    SmtpTestServer& operator=(const SmtpTestServer&) = delete;

    void stop();
    //! Starts it again on the same port; the messages received so far stay.
    void start();
    int port() const { return port_; }
    //! Every message accepted so far, in the order it arrived.
    std::vector<std::filesystem::path> messages() const;

  private:
    std::filesystem::path dir_;
    std::string options_;
    int port_ = 0;
};

//! What a mail program sees in a received message, as "key" → value, read by Python's email
//! package (policy.default) and openpyxl: subject, from, to, to.name, to.address, message_id,
//! date, ascii_only, max_line, body (newlines as \n), body.charset, attachments, and for the
//! first attachment attachment.filename, attachment.type, attachment.sha256, xlsx.sheets,
//! xlsx.A1; from the server's record: envelope.from, envelope.to, envelope.login,
//! envelope.mechanism, envelope.tls.
std::map<std::string, std::string> read_message(const std::filesystem::path& eml,
                                                const TempDir& scratch);

//! How many times each Message-ID arrived.
std::map<std::string, int> arrivals(const SmtpTestServer& server, const TempDir& scratch);

//! A workbook written by openpyxl: one sheet 結算 whose A1 holds `a1`.
void make_workbook(const std::filesystem::path& file, const std::string& a1);

//! A self-signed certificate for 127.0.0.1 (dir/NAME.crt, dir/NAME.key), made with openssl.
std::filesystem::path make_certificate(const std::filesystem::path& dir, const std::string& name);

//! Settings with the data folder `data_dir` and, when `port` is not 0, the mail server
//! 127.0.0.1:port; the sender has a Chinese name.
adapters::config::Settings notice_settings(const std::filesystem::path& data_dir, int port);

//! A settlement statement notice to agency `code`, in Traditional Chinese.
adapters::mail::Notice statement_notice(const std::string& code, const std::string& email);

//! Lower-case hex SHA-256 of a file's bytes.
std::string sha256_hex(const std::filesystem::path& file);

} // namespace govpub::test
