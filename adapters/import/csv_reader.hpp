// A streaming RFC 4180 CSV reader over UTF-8 or Big5 files.
#pragma once

#include "adapters/import/table_reader.hpp"
#include "adapters/import/text_decoder.hpp"

#include <fstream>
#include <optional>

namespace govpub::adapters::import {

//! Reads a CSV file record by record in constant memory: comma separated, '"' quoting with
//! "" escapes, quoted values may hold commas and line breaks, lines end in CRLF, LF or CR.
//! Written by hand because nothing we link parses CSV this way: Boost.Tokenizer's
//! escaped_list_separator works on a whole line, so it neither streams nor handles a line
//! break inside quotes, and Poco has no CSV reader.
class CsvReader final : public TableReader {
  public:
    static constexpr std::size_t DEFAULT_MAX_RECORD_BYTES = 1024 * 1024;

    //! Opens `file` and reads its header row. Throws InputError for an empty, binary or
    //! malformed file; `display_name` names it in errors (default: the file name).
    explicit CsvReader(const std::filesystem::path& file, std::string display_name = "",
                       const std::string& header_example = "",
                       std::size_t max_record_bytes = DEFAULT_MAX_RECORD_BYTES);

    const std::vector<std::string>& header() const override { return header_; }
    std::size_t header_line() const override { return header_line_; }
    bool next(TableRow& row) override;
    std::uint64_t bytes_done() const override { return buffer_offset_ + pos_; }
    std::uint64_t bytes_total() const override { return bytes_total_; }
    std::string format() const override { return "csv/" + decoder_->name(); }

  private:
    enum class State { field_start, unquoted, quoted, quote_seen, after_quote };

    bool fill();
    bool read_record(TableRow& row);
    void decode(TableRow& row);
    std::string column_name(std::size_t index) const;
    [[noreturn]] void fail(std::size_t line, std::size_t cell, std::string value,
                           std::string rule) const;

    std::string display_name_;
    std::ifstream in_;
    std::uint64_t bytes_total_ = 0;
    std::size_t max_record_bytes_;
    std::optional<TextDecoder> decoder_;

    std::vector<char> buffer_; // raw bytes; records are cut out of it before decoding
    std::size_t pos_ = 0;
    std::size_t end_ = 0;
    std::uint64_t buffer_offset_ = 0; // file offset of buffer_[0]
    bool eof_ = false;

    std::size_t line_ = 1;   // physical line of buffer_[pos_]
    bool skip_lf_ = false;   // the last record ended in CR; a following LF belongs to it
    bool quoted_cr_ = false; // inside quotes, the last line break seen was a CR

    std::vector<std::string> header_;
    std::size_t header_line_ = 0;
};

} // namespace govpub::adapters::import
