// Rendering a notice with Poco::Net::MailMessage; headers encoded here, as Poco 1.11's own
// encodeWord cuts UTF-8 characters in two at its line length.
#include "adapters/mail/eml_writer.hpp"

#include "domain/errors.hpp"

#include <Poco/Base64Encoder.h>
#include <Poco/DigestEngine.h>
#include <Poco/Net/MailMessage.h>
#include <Poco/Net/StringPartSource.h>
#include <Poco/SHA2Engine.h>
#include <Poco/Timestamp.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace govpub::adapters::mail {

namespace {

namespace fs = std::filesystem;
using Poco::Net::MailMessage;

const char* const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// An encoded word is at most 75 characters: "=?UTF-8?B?" + base64 + "?=" leaves 63 for the
// base64, which carries 45 bytes.
constexpr std::size_t WORD_BYTES = 45;

std::string base64(std::string_view bytes) {
    std::ostringstream out;
    Poco::Base64Encoder encoder(out);
    encoder.rdbuf()->setLineLength(0);
    encoder.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    encoder.close();
    return out.str();
}

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

std::string encoded_word(std::string_view bytes) { return "=?UTF-8?B?" + base64(bytes) + "?="; }

std::string without_controls(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
            c = ' ';
    return out;
}

bool plain_ascii(std::string_view text) {
    for (char c : text)
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7E)
            return false;
    // Text that looks like an encoded word would be decoded by the reader: encode it too.
    return text.find("=?") == std::string_view::npos;
}

//! A parameter value (a file name) as one encoded word: folding inside a quoted string would
//! become part of the name.
std::string encode_parameter(std::string_view utf8) {
    const std::string text = without_controls(utf8);
    return plain_ascii(text) && text.find('"') == std::string::npos ? text : encoded_word(text);
}

std::string media_type_of(const fs::path& file_name) {
    std::string ext = file_name.extension().string();
    for (char& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".xlsx")
        return XLSX_TYPE;
    if (ext == ".pdf")
        return "application/pdf";
    if (ext == ".csv")
        return "text/csv; charset=UTF-8";
    return "application/octet-stream";
}

std::string read_whole(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw domain::InvalidValue("notice attachment", file.string(), "cannot be read");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

//! Text lines end in CRLF in MIME's canonical form, before the base64.
std::string crlf_lines(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 40);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            out += "\r\n";
            if (i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
        } else if (text[i] == '\n') {
            out += "\r\n";
        } else {
            out += text[i];
        }
    }
    return out;
}

} // namespace

std::string encode_header_text(std::string_view utf8) {
    const std::string text = without_controls(utf8);
    if (plain_ascii(text))
        return text;
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = std::min(start + WORD_BYTES, text.size());
        while (end > start + 1 && end < text.size() &&
               is_continuation(static_cast<unsigned char>(text[end])))
            --end;
        if (!out.empty())
            out += "\r\n "; // folding white space between words, which readers drop
        out += encoded_word(std::string_view(text).substr(start, end - start));
        start = end;
    }
    return out;
}

Mailbox Mailbox::parse(std::string_view text, const std::string& field) {
    const auto open = text.rfind('<');
    if (open == std::string_view::npos)
        return of("", text, field);
    const auto close = text.find('>', open);
    if (close == std::string_view::npos ||
        text.find_first_not_of(" \t", close + 1) != std::string_view::npos)
        throw domain::InvalidValue(field, std::string(text), "expected \"Name <address>\"");
    std::string name(text.substr(0, open));
    const auto first = name.find_first_not_of(" \t");
    const auto last = name.find_last_not_of(" \t");
    name = first == std::string::npos ? "" : name.substr(first, last - first + 1);
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"')
        name = name.substr(1, name.size() - 2);
    return of(name, text.substr(open + 1, close - open - 1), field);
}

Mailbox Mailbox::of(std::string_view name, std::string_view address, const std::string& field) {
    const auto at = address.find('@');
    bool ok = at != std::string_view::npos && at > 0 && at + 1 < address.size() &&
              address.find('@', at + 1) == std::string_view::npos && address.size() <= 254;
    for (char c : address) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7F ||
            std::string_view("<>()[]\\,;:\"").find(c) != std::string_view::npos)
            ok = false;
    }
    if (!ok)
        throw domain::InvalidValue(field, std::string(address),
                                   "expected an e-mail address such as name@example.gov.tw");
    return Mailbox{without_controls(name), std::string(address)};
}

std::string Mailbox::header() const {
    if (name.empty())
        return "<" + address + ">";
    if (!plain_ascii(name))
        return encode_header_text(name) + " <" + address + ">";
    std::string quoted = "\"";
    for (char c : name) {
        if (c == '"' || c == '\\')
            quoted += '\\';
        quoted += c;
    }
    return quoted + "\" <" + address + ">";
}

std::string Mailbox::domain() const { return address.substr(address.find('@') + 1); }

std::string notice_message_key(const Notice& notice) {
    Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
    const std::string type(notice_type_name(notice.type));
    // NUL between the parts: ("a", "b/c") and ("a/b", "c") are different notices.
    engine.update(type + '\0' + notice.subject_key + '\0' + notice.period);
    return "govpub." + type + "." + Poco::DigestEngine::digestToHex(engine.digest()).substr(0, 32);
}

std::string notice_message_id(const Notice& notice, const Mailbox& from) {
    std::string id = "<";
    id.append(notice_message_key(notice)).append("@").append(from.domain()).append(">");
    return id;
}

std::string render_eml(const Notice& notice, const Mailbox& from, std::time_t date) {
    const Mailbox to = Mailbox::of(notice.recipient, notice.email, "notice e-mail");
    MailMessage message;
    message.setSender(from.header());
    // To is set as a header, not as a Poco recipient: Poco would write a Chinese name as raw
    // 8-bit text. The envelope recipient is given when the message is sent.
    message.set("To", to.header());
    message.setSubject(encode_header_text(notice.title));
    message.setDate(Poco::Timestamp::fromEpochTime(date));
    message.set("Message-ID", notice_message_id(notice, from));
    message.set("MIME-Version", "1.0");
    const std::string body = crlf_lines(notice.body);
    if (notice.attachment) {
        const std::string bytes = read_whole(notice.attachment->file);
        const std::string name = encode_parameter(notice.attachment->file_name);
        message.addContent(new Poco::Net::StringPartSource(body, "text/plain; charset=UTF-8"),
                           MailMessage::ENCODING_BASE64);
        message.addAttachment(name,
                              new Poco::Net::StringPartSource(
                                  bytes, media_type_of(notice.attachment->file_name), name),
                              MailMessage::ENCODING_BASE64);
    } else {
        message.setContentType("text/plain; charset=UTF-8");
        message.setContent(body, MailMessage::ENCODING_BASE64);
    }
    std::ostringstream out;
    message.write(out);
    std::string eml = out.str();
    // A base64 body ends without a line break, which SMTP would add: the archive ends with it
    // already, so that what a server receives is the archive byte for byte.
    if (eml.size() < 2 || eml.compare(eml.size() - 2, 2, "\r\n") != 0)
        eml += "\r\n";
    return eml;
}

} // namespace govpub::adapters::mail
