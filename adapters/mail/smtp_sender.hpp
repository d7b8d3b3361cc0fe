// One connection to the mail server, through Poco::Net::SMTPClientSession.
#pragma once

#include "adapters/config/settings.hpp"

#include <memory>
#include <stdexcept>
#include <string>

namespace govpub::adapters::mail {

//! The mail server cannot be used now: it cannot be reached, or it refused the connection,
//! STARTTLS or the login. No notice can go; the next run tries again.
class SmtpUnavailable : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

//! The server refused this one message (its recipient, its size), or the connection broke
//! while it went out. The other notices may still go.
class SmtpRejected : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

//! Sends messages as they are (the bytes of an archived .eml) to the configured [smtp] server:
//! connects on the first send, says EHLO, upgrades with STARTTLS when `tls = starttls` (the
//! server's certificate checked against ca_file or the system's authorities), logs in (AUTH
//! PLAIN, else LOGIN) only when a user is set, and keeps the connection for the next send.
class SmtpSender {
  public:
    //! Throws domain::InvalidValue when smtp.from holds no address.
    explicit SmtpSender(const config::SmtpSettings& settings);
    ~SmtpSender();
    SmtpSender(const SmtpSender&) = delete;
    SmtpSender& operator=(const SmtpSender&) = delete;

    //! Sends `message` from smtp.from's address to `to`. Throws SmtpUnavailable or
    //! SmtpRejected; after a rejection the connection is dropped and the next send opens a
    //! new one, so a half-finished transaction never carries over.
    void send(const std::string& message, const std::string& to);
    //! Says QUIT, when connected.
    void close();

  private:
    class Session;
    void connect();

    config::SmtpSettings settings_;
    std::string from_address_;
    std::unique_ptr<Session> session_;
};

} // namespace govpub::adapters::mail
