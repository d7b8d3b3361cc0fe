// Starting the test SMTP server and reading what it received.
#include "tests/support/notices_support.hpp"

#include "adapters/import/file_store.hpp"

#include <algorithm>
#include <stdexcept>

namespace govpub::test {

namespace fs = std::filesystem;

namespace {

std::string server_script() { return (source_dir() / "tests/support/smtp_server.sh").string(); }

const char* const MESSAGE_PROBE = R"PY(
import email, email.policy, hashlib, io, json, os, sys
sys.stdout.reconfigure(encoding="utf-8")
path = sys.argv[1]
raw = open(path, "rb").read()
msg = email.message_from_bytes(raw, policy=email.policy.default)
def out(key, value):
    print(f"{key}={value}")
out("subject", str(msg["subject"]))
out("from", str(msg["from"]))
to = msg["to"].addresses[0]
out("to.name", to.display_name)
out("to.address", to.addr_spec)
out("message_id", msg["message-id"])
out("date", msg["date"].datetime is not None)
out("ascii_only", all(b < 128 for b in raw))
out("max_line", max(len(line) for line in raw.splitlines()))
body = msg.get_body(preferencelist=("plain",))
out("body", body.get_content().replace("\r\n", "\n").replace("\n", "\\n"))
out("body.charset", body.get_content_charset())
attachments = list(msg.iter_attachments())
out("attachments", len(attachments))
if attachments:
    import openpyxl
    part = attachments[0]
    data = part.get_content()
    out("attachment.filename", part.get_filename())
    out("attachment.type", part.get_content_type())
    out("attachment.sha256", hashlib.sha256(data).hexdigest())
    book = openpyxl.load_workbook(io.BytesIO(data))
    out("xlsx.sheets", "|".join(book.sheetnames))
    out("xlsx.A1", book.worksheets[0]["A1"].value)
record = os.path.splitext(path)[0] + ".json"
if os.path.exists(record):
    envelope = json.load(open(record))
    out("envelope.from", envelope["mail_from"])
    out("envelope.to", ",".join(envelope["rcpt_tos"]))
    out("envelope.login", envelope["login"])
    out("envelope.mechanism", envelope["mechanism"])
    out("envelope.tls", envelope["tls"])
)PY";

const char* const WORKBOOK_MAKER = R"PY(
import sys, openpyxl
book = openpyxl.Workbook()
sheet = book.active
sheet.title = "結算"
sheet["A1"] = sys.argv[2]
sheet["B2"] = 1200
book.save(sys.argv[1])
)PY";

} // namespace

SmtpTestServer::SmtpTestServer(fs::path dir, std::string options)
    : dir_(std::move(dir)), options_(std::move(options)) {
    start();
}

SmtpTestServer::~SmtpTestServer() { stop(); }

void SmtpTestServer::start() {
    const auto r =
        run_command("bash " + sh_quote(server_script()) + " start " + sh_quote(dir_.string()) +
                        " " + std::to_string(port_) + " " + options_,
                    fs::temp_directory_path());
    if (r.status != 0)
        throw std::runtime_error("the test SMTP server did not start: " + r.err);
    port_ = std::stoi(r.out);
}

void SmtpTestServer::stop() {
    run_command("bash " + sh_quote(server_script()) + " stop " + sh_quote(dir_.string()),
                fs::temp_directory_path());
}

std::vector<fs::path> SmtpTestServer::messages() const {
    std::vector<fs::path> found;
    if (fs::exists(dir_ / "messages"))
        for (const auto& entry : fs::directory_iterator(dir_ / "messages"))
            if (entry.path().extension() == ".eml")
                found.push_back(entry.path());
    std::sort(found.begin(), found.end());
    return found;
}

std::map<std::string, std::string> read_message(const fs::path& eml, const TempDir& scratch) {
    return run_python_probe(MESSAGE_PROBE, eml, scratch);
}

std::map<std::string, int> arrivals(const SmtpTestServer& server, const TempDir& scratch) {
    std::map<std::string, int> seen;
    for (const auto& message : server.messages())
        ++seen[read_message(message, scratch).at("message_id")];
    return seen;
}

void make_workbook(const fs::path& file, const std::string& a1) {
    TempDir scratch;
    write_file(scratch / "make.py", WORKBOOK_MAKER);
    const auto r = run_command(std::string(GOVPUB_PYTHON3) + " make.py " + sh_quote(file.string()) +
                                   " " + sh_quote(a1),
                               scratch.path());
    if (r.status != 0)
        throw std::runtime_error("openpyxl could not write the test workbook: " + r.err);
}

fs::path make_certificate(const fs::path& dir, const std::string& name) {
    fs::create_directories(dir);
    const auto r =
        run_command("openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 -addext "
                    "subjectAltName=IP:127.0.0.1,DNS:localhost -keyout " +
                        sh_quote(name + ".key") + " -out " + sh_quote(name + ".crt"),
                    dir);
    if (r.status != 0)
        throw std::runtime_error("openssl could not make a certificate: " + r.err);
    return dir / (name + ".crt");
}

adapters::config::Settings notice_settings(const fs::path& data_dir, int port) {
    adapters::config::Settings settings;
    settings.data_dir = data_dir;
    settings.smtp.from = "政府出版品管理系統 <govpub@moc.gov.tw>";
    settings.smtp.timeout_seconds = 10;
    if (port != 0) {
        settings.smtp.host = "127.0.0.1";
        settings.smtp.port = port;
    }
    return settings;
}

adapters::mail::Notice statement_notice(const std::string& code, const std::string& email) {
    adapters::mail::Notice notice;
    notice.type = adapters::mail::NoticeType::settlement_statement;
    notice.subject_key = "2026H1/S01/" + code;
    notice.period = "2026H1";
    notice.recipient = "行政院主計總處 出版品承辦人";
    notice.email = email;
    notice.title = "【結算通知】115年上半年度政府出版品寄售結算單（國家書店）—" + code;
    notice.body = "您好：\n\n本期（114年12月1日至115年5月31日）寄售結算如附件，應付金額新臺幣 "
                  "1,200 元，請於115年7月10日前確認。\n\n文化部 政府出版品管理系統\n";
    return notice;
}

std::string sha256_hex(const fs::path& file) { return adapters::import::sha256_of_file(file); }

} // namespace govpub::test
