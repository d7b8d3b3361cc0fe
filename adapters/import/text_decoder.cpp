// Encoding detection and per-cell decoding of CSV text (UTF-8 or Big5/CP950).
#include "adapters/import/text_decoder.hpp"

#include "adapters/import/input_error.hpp"

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <unicode/ucnv.h>
#include <unicode/ustring.h>
#include <utility>

namespace govpub::adapters::import {

namespace {

// ICU's "windows-950" alias is ambiguous; "windows-950-2000" is Microsoft's CP950 table,
// the one Excel uses on Traditional Chinese Windows. ("cp950" in ICU is IBM's variant.)
constexpr const char* CP950 = "windows-950-2000";

bool is_ascii(std::string_view text) {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const auto* end = p + text.size();
    // Eight bytes at a time: most cells of a sales file are codes, dates and numbers.
    for (; end - p >= 8; p += 8) {
        std::uint64_t word;
        std::memcpy(&word, p, 8);
        if (word & 0x8080808080808080ULL)
            return false;
    }
    for (; p < end; ++p)
        if (*p & 0x80)
            return false;
    return true;
}

// Control bytes that never occur in text a spreadsheet writes; TAB, LF, VT, FF, CR and
// the old DOS end-of-file mark (0x1A) are let through.
bool is_binary_byte(unsigned char c) { return c < 0x09 || (c > 0x0D && c < 0x20 && c != 0x1A); }

} // namespace

std::size_t find_invalid_utf8(std::string_view text, bool allow_cut_end) {
    const auto* begin = reinterpret_cast<const unsigned char*>(text.data());
    const auto* p = begin;
    const auto* end = begin + text.size();
    while (p < end) {
        if (*p < 0x80) {
            ++p;
            continue;
        }
        unsigned char c = *p;
        std::size_t length;
        unsigned char low = 0x80; // allowed range of the second byte (RFC 3629 table)
        unsigned char high = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            if (c == 0xE0)
                low = 0xA0; // overlong
            else if (c == 0xED)
                high = 0x9F; // surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            if (c == 0xF0)
                low = 0x90; // overlong
            else if (c == 0xF4)
                high = 0x8F; // above U+10FFFF
        } else {
            return static_cast<std::size_t>(p - begin);
        }
        for (std::size_t i = 1; i < length; ++i) {
            if (p + i == end)
                return allow_cut_end ? std::string_view::npos : static_cast<std::size_t>(p - begin);
            unsigned char next = p[i];
            bool ok = i == 1 ? (next >= low && next <= high) : (next & 0xC0) == 0x80;
            if (!ok)
                return static_cast<std::size_t>(p - begin);
        }
        p += length;
    }
    return std::string_view::npos;
}

std::string with_replacement_chars(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    while (!text.empty()) {
        std::size_t bad = find_invalid_utf8(text);
        if (bad == std::string_view::npos) {
            out.append(text);
            break;
        }
        out.append(text.substr(0, bad));
        out.append("\xEF\xBF\xBD");
        text.remove_prefix(bad + 1);
    }
    return out;
}

TextDecoder TextDecoder::detect(std::string_view sample, bool whole_file, const std::string& file) {
    sample = sample.substr(0, SAMPLE_BYTES);
    if (sample.starts_with("\xFF\xFE") || sample.starts_with("\xFE\xFF"))
        throw InputError(file, 0, "", "",
                         "is UTF-16 text (Excel's \"Unicode Text\"); save it as \"CSV UTF-8\" "
                         "or upload the XLSX file");
    for (std::size_t i = 0; i < sample.size(); ++i)
        if (is_binary_byte(static_cast<unsigned char>(sample[i])))
            throw InputError(file, 0, "", "",
                             "is not a text file (binary data at byte " + std::to_string(i) +
                                 "); upload a CSV or XLSX file");
    if (sample.starts_with("\xEF\xBB\xBF"))
        return TextDecoder(TextEncoding::utf8_bom);
    bool cut = !whole_file && sample.size() == SAMPLE_BYTES;
    if (find_invalid_utf8(sample, cut) == std::string_view::npos)
        return TextDecoder(TextEncoding::utf8);
    return TextDecoder(TextEncoding::big5);
}

TextDecoder::TextDecoder(TextEncoding encoding) : encoding_(encoding) {
    if (encoding_ != TextEncoding::big5)
        return;
    UErrorCode status = U_ZERO_ERROR;
    converter_ = ucnv_open(CP950, &status);
    // Stop at a byte sequence CP950 does not define instead of inventing a character.
    if (U_SUCCESS(status))
        ucnv_setToUCallBack(converter_, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr,
                            &status);
    if (U_FAILURE(status)) {
        ucnv_close(converter_);
        throw std::runtime_error(std::string("ICU cannot open the CP950 converter: ") +
                                 u_errorName(status));
    }
}

TextDecoder::TextDecoder(TextDecoder&& other) noexcept
    : encoding_(other.encoding_), converter_(std::exchange(other.converter_, nullptr)) {}

TextDecoder& TextDecoder::operator=(TextDecoder&& other) noexcept {
    if (this != &other) {
        ucnv_close(converter_);
        encoding_ = other.encoding_;
        converter_ = std::exchange(other.converter_, nullptr);
    }
    return *this;
}

TextDecoder::~TextDecoder() { ucnv_close(converter_); }

std::string TextDecoder::name() const {
    switch (encoding_) {
    case TextEncoding::utf8:
        return "utf-8";
    case TextEncoding::utf8_bom:
        return "utf-8-bom";
    case TextEncoding::big5:
        return "big5";
    }
    return "";
}

std::string TextDecoder::invalid_rule() const {
    if (encoding_ == TextEncoding::big5)
        return "not valid Big5 (CP950) text; save the file as UTF-8 or Big5";
    return "not valid UTF-8; save the file as UTF-8 or Big5";
}

std::size_t TextDecoder::decode(std::string& text) {
    if (is_ascii(text))
        return std::string::npos; // ASCII is the same in all three encodings
    if (encoding_ != TextEncoding::big5)
        return find_invalid_utf8(text);

    // Big5 characters are one or two bytes and all in the BMP, so one UTF-16 unit per byte
    // is already enough; twice that leaves room should ICU's table ever differ.
    utf16_.resize(text.size() * 2);
    const char* source = text.data();
    const char* source_end = source + text.size();
    auto* target = reinterpret_cast<UChar*>(utf16_.data());
    UErrorCode status = U_ZERO_ERROR;
    ucnv_resetToUnicode(converter_);
    ucnv_toUnicode(converter_, &target, target + utf16_.size(), &source, source_end, nullptr, true,
                   &status);
    if (U_FAILURE(status)) {
        char bad[8];
        int8_t bad_length = sizeof bad;
        UErrorCode ignored = U_ZERO_ERROR;
        ucnv_getInvalidChars(converter_, bad, &bad_length, &ignored);
        return static_cast<std::size_t>(source - text.data()) -
               static_cast<std::size_t>(bad_length);
    }
    int32_t units = static_cast<int32_t>(target - reinterpret_cast<UChar*>(utf16_.data()));
    int32_t length = 0;
    utf8_.resize(static_cast<std::size_t>(units) * 3);
    u_strToUTF8(utf8_.data(), static_cast<int32_t>(utf8_.size()), &length,
                reinterpret_cast<const UChar*>(utf16_.data()), units, &status);
    if (U_FAILURE(status))
        throw std::runtime_error(std::string("ICU cannot write UTF-8: ") + u_errorName(status));
    utf8_.resize(static_cast<std::size_t>(length));
    text.swap(utf8_);
    return std::string::npos;
}

} // namespace govpub::adapters::import
