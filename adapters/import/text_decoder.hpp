// Which text encoding a CSV file is in, and turning its bytes into UTF-8.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

struct UConverter;

namespace govpub::adapters::import {

enum class TextEncoding { utf8, utf8_bom, big5 };

//! Decodes the cells of one CSV file. Taiwanese spreadsheets save CSV as Big5 (Windows code
//! page 950) unless told otherwise, so a file that is not UTF-8 is read as CP950.
//!
//! The CSV reader splits raw bytes into records and cells first and decodes each cell
//! afterwards. That is safe for both encodings: UTF-8 continuation bytes are >= 0x80, and
//! Big5 trail bytes are 0x40-0x7E or 0xA1-0xFE, so neither ever equals LF (0x0A), CR (0x0D),
//! '"' (0x22) or ',' (0x2C). (Big5's trail bytes can equal '\\' (0x5C), which CSV ignores.)
class TextDecoder {
  public:
    //! How much of a file detect() looks at.
    static constexpr std::size_t SAMPLE_BYTES = 64 * 1024;

    //! Decides the encoding from the start of the file: a UTF-8 BOM means UTF-8; otherwise
    //! a sample that is valid UTF-8 means UTF-8, and anything else Big5/CP950. `whole_file`
    //! says the sample is the entire file, so a sequence cut at its end is not excused.
    //! Throws InputError when the sample holds binary data (NUL and other control bytes)
    //! or is UTF-16.
    static TextDecoder detect(std::string_view sample, bool whole_file, const std::string& file);

    TextDecoder(TextDecoder&&) noexcept;
    TextDecoder& operator=(TextDecoder&&) noexcept;
    ~TextDecoder();

    TextEncoding encoding() const { return encoding_; }
    //! Bytes at the start of the file that are a byte order mark, not text.
    std::size_t bom_size() const { return encoding_ == TextEncoding::utf8_bom ? 3 : 0; }
    //! "utf-8", "utf-8-bom" or "big5".
    std::string name() const;
    //! What to tell the person when decode() fails.
    std::string invalid_rule() const;

    //! Turns the raw bytes of one cell into UTF-8, in place. Returns std::string::npos, or
    //! the offset of the first byte that is not valid in this encoding (text unchanged).
    std::size_t decode(std::string& text);

  private:
    explicit TextDecoder(TextEncoding encoding);

    TextEncoding encoding_;
    UConverter* converter_ = nullptr; // CP950 only
    std::u16string utf16_;            // scratch, reused across cells
    std::string utf8_;
};

//! Offset of the first byte of `text` that does not start or continue a valid UTF-8
//! sequence (overlong forms, surrogates and code points above U+10FFFF are invalid), or
//! std::string::npos. With `allow_cut_end`, a sequence cut short by the end is fine.
std::size_t find_invalid_utf8(std::string_view text, bool allow_cut_end = false);

//! `text` with each invalid UTF-8 byte shown as U+FFFD, so it can go into a message.
std::string with_replacement_chars(std::string_view text);

} // namespace govpub::adapters::import
