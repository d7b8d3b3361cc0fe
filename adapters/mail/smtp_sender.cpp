// SMTP with Poco::Net: the dialogue, STARTTLS and the login; what went wrong, for the log.
#include "adapters/mail/smtp_sender.hpp"

#include "adapters/mail/eml_writer.hpp"

#include <Poco/Base64Encoder.h>
#include <Poco/Environment.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SMTPClientSession.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

#include <sstream>

namespace govpub::adapters::mail {

namespace {

std::string base64(const std::string& text) {
    std::ostringstream out;
    Poco::Base64Encoder encoder(out);
    encoder.rdbuf()->setLineLength(0);
    encoder << text;
    encoder.close();
    return out.str();
}

std::string what_of(const std::exception& e) {
    if (const auto* poco = dynamic_cast<const Poco::Exception*>(&e))
        return poco->displayText();
    return e.what();
}

Poco::Net::Context::Ptr tls_context(const config::SmtpSettings& settings) {
    Poco::Net::Context::Params params;
    params.caLocation = settings.ca_file.string();
    params.loadDefaultCAs = settings.ca_file.empty();
    // Relaxed is the client mode that checks the server's certificate and name.
    params.verificationMode = Poco::Net::Context::VERIFY_RELAXED;
    return new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
}

} // namespace

//! Poco's session with the steps it keeps protected: EHLO that returns what the server offers,
//! STARTTLS checked against the configured host name (Poco's SecureSMTPClientSession would take
//! the peer's address when given a socket connected with a time limit), and AUTH LOGIN that
//! answers the prompts in order, whatever words the server prompts with.
class SmtpSender::Session : public Poco::Net::SMTPClientSession {
  public:
    explicit Session(const Poco::Net::StreamSocket& socket) : SMTPClientSession(socket) {}

    std::string hello() {
        std::string capabilities;
        login(Poco::Environment::nodeName(), capabilities);
        return capabilities;
    }

    void start_tls(const std::string& host, const Poco::Net::Context::Ptr& context) {
        std::string response;
        const int status = sendCommand("STARTTLS", response);
        if (!isPositiveCompletion(status))
            throw Poco::Net::SMTPException("STARTTLS refused", response, status);
        socket() = Poco::Net::SecureStreamSocket::attach(socket(), host, context);
    }

    void authenticate(const std::string& capabilities, const std::string& user,
                      const std::string& password) {
        if (capabilities.find("PLAIN") != std::string::npos) {
            loginUsingPlain(user, password);
            return;
        }
        if (capabilities.find("LOGIN") == std::string::npos)
            throw Poco::Net::SMTPException("the mail server offers neither AUTH PLAIN nor LOGIN",
                                           capabilities);
        std::string response;
        int status = sendCommand("AUTH LOGIN", response);
        if (isPositiveIntermediate(status))
            status = sendCommand(base64(user), response);
        if (isPositiveIntermediate(status))
            status = sendCommand(base64(password), response);
        if (!isPositiveCompletion(status))
            throw Poco::Net::SMTPException("Login using LOGIN failed", response, status);
    }
};

SmtpSender::SmtpSender(const config::SmtpSettings& settings)
    : settings_(settings), from_address_(Mailbox::parse(settings.from, "smtp.from").address) {}

SmtpSender::~SmtpSender() { close(); }

void SmtpSender::close() {
    if (!session_)
        return;
    try {
        session_->close();
    } catch (...) {
        // QUIT is a courtesy: the server ends a dropped connection on its own.
    }
    session_.reset();
}

void SmtpSender::connect() {
    const Poco::Timespan timeout(settings_.timeout_seconds, 0);
    const std::string where = settings_.host + ":" + std::to_string(settings_.port);
    try {
        Poco::Net::StreamSocket socket;
        socket.connect(
            Poco::Net::SocketAddress(settings_.host, static_cast<Poco::UInt16>(settings_.port)),
            timeout);
        socket.setSendTimeout(timeout);
        auto session = std::make_unique<Session>(socket);
        session->setTimeout(timeout);
        std::string capabilities = session->hello();
        if (settings_.tls == config::SmtpTls::starttls) {
            session->start_tls(settings_.host, tls_context(settings_));
            capabilities = session->hello(); // what it offers changes once encrypted
        }
        if (!settings_.user.empty())
            session->authenticate(capabilities, settings_.user, settings_.password);
        session_ = std::move(session);
    } catch (const std::exception& e) {
        throw SmtpUnavailable("cannot use the mail server " + where + ": " + what_of(e));
    }
}

void SmtpSender::send(const std::string& message, const std::string& to) {
    if (!session_)
        connect();
    try {
        session_->sendAddresses(from_address_, {to});
        session_->sendData();
        std::istringstream in(message);
        session_->sendMessage(in);
    } catch (const std::exception& e) {
        session_.reset(); // its destructor says QUIT if it still can
        throw SmtpRejected("the mail server did not take the message to " + to + ": " + what_of(e));
    }
}

} // namespace govpub::adapters::mail
