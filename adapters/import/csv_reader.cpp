// Streaming CSV parsing: records are cut from a large raw buffer, then decoded cell by cell.
#include "adapters/import/csv_reader.hpp"

#include "adapters/import/input_error.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <string_view>

namespace govpub::adapters::import {

namespace {

// One read per megabyte keeps system calls out of the profile; the buffer is the only
// memory that does not depend on the longest record.
constexpr std::size_t BUFFER_BYTES = 1024 * 1024;

// Byte classes as tables, so the inner loops cost one load and one test per byte.
constexpr std::array<bool, 256> stops(std::initializer_list<char> bytes) {
    std::array<bool, 256> table{};
    for (char c : bytes)
        table[static_cast<unsigned char>(c)] = true;
    return table;
}
constexpr auto ENDS_UNQUOTED = stops({',', '\r', '\n'});
constexpr auto INTERRUPTS_QUOTED = stops({'"', '\r', '\n'});

std::size_t line_breaks(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')))
            ++count;
    return count;
}

} // namespace

CsvReader::CsvReader(const std::filesystem::path& file, std::string display_name,
                     const std::string& header_example, std::size_t max_record_bytes)
    : display_name_(display_name.empty() ? file.filename().string() : std::move(display_name)),
      max_record_bytes_(max_record_bytes), buffer_(BUFFER_BYTES) {
    in_.open(file, std::ios::binary);
    std::error_code size_error;
    bytes_total_ = std::filesystem::file_size(file, size_error);
    if (!in_ || size_error)
        throw InputError(display_name_, 0, "", "", "cannot be opened: no such readable file");

    fill();
    bool whole_file = eof_ && end_ <= TextDecoder::SAMPLE_BYTES;
    decoder_.emplace(
        TextDecoder::detect(std::string_view(buffer_.data(), end_), whole_file, display_name_));
    pos_ = std::min(end_, decoder_->bom_size());

    TableRow row;
    while (read_record(row)) {
        if (is_blank(row.cells))
            continue;
        decode(row);
        header_ = std::move(row.cells);
        header_line_ = row.line;
        return;
    }
    throw InputError(display_name_, 0, "", "", empty_file_rule(header_example));
}

bool CsvReader::next(TableRow& row) {
    while (read_record(row)) {
        if (is_blank(row.cells))
            continue;
        decode(row);
        return true;
    }
    return false;
}

bool CsvReader::fill() {
    if (eof_)
        return false;
    buffer_offset_ += end_;
    pos_ = 0;
    in_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    end_ = static_cast<std::size_t>(in_.gcount());
    if (in_.bad())
        throw std::runtime_error("cannot read " + display_name_);
    if (end_ < buffer_.size())
        eof_ = true;
    return end_ > 0;
}

// Cuts the next record out of the raw bytes, blank or not, without decoding it.
bool CsvReader::read_record(TableRow& row) {
    if (pos_ == end_ && !fill())
        return false;
    if (skip_lf_) {
        skip_lf_ = false;
        if (buffer_[pos_] == '\n' && ++pos_ == end_ && !fill())
            return false;
    }
    row.line = line_;
    const std::uint64_t record_start = bytes_done();
    std::size_t used = 0;
    std::string* cell = nullptr;
    auto start_cell = [&] {
        if (used == row.cells.size())
            row.cells.emplace_back();
        cell = &row.cells[used++];
        cell->clear();
    };
    auto end_record = [&](char terminator) {
        ++line_;
        skip_lf_ = terminator == '\r';
        row.cells.resize(used);
        return true;
    };

    start_cell();
    State state = State::field_start;
    std::size_t quote_line = 0;
    for (;;) {
        // Checked per step, so a runaway record stops after about one buffer more than the
        // limit instead of after the whole file is read into memory.
        if (bytes_done() - record_start > max_record_bytes_)
            fail(row.line, used == 0 ? std::string::npos : used - 1, "",
                 "the row is longer than " + std::to_string(max_record_bytes_) + " bytes" +
                     (state == State::quoted
                          ? "; the quote opened on line " + std::to_string(quote_line) +
                                " may be missing its closing quote"
                          : ""));
        if (pos_ == end_ && !fill())
            break;
        const char* data = buffer_.data();
        switch (state) {
        case State::field_start:
            if (data[pos_] == '"') {
                ++pos_;
                quote_line = line_;
                quoted_cr_ = false;
                state = State::quoted;
            } else {
                state = State::unquoted;
            }
            break;
        case State::unquoted: {
            std::size_t p = pos_;
            while (p < end_ && !ENDS_UNQUOTED[static_cast<unsigned char>(data[p])])
                ++p;
            cell->append(data + pos_, p - pos_);
            pos_ = p;
            if (pos_ == end_)
                break;
            char c = data[pos_++];
            if (c != ',')
                return end_record(c);
            start_cell();
            state = State::field_start;
            break;
        }
        case State::quoted: {
            std::size_t p = pos_;
            while (p < end_ && !INTERRUPTS_QUOTED[static_cast<unsigned char>(data[p])])
                ++p;
            if (p > pos_) {
                cell->append(data + pos_, p - pos_);
                quoted_cr_ = false;
            }
            pos_ = p;
            if (pos_ == end_)
                break;
            char c = data[pos_++];
            if (c == '"') {
                state = State::quote_seen;
                break;
            }
            // A line break inside quotes is part of the value but still a line of the file.
            cell->push_back(c);
            if (c == '\r' || !quoted_cr_)
                ++line_;
            quoted_cr_ = c == '\r';
            break;
        }
        case State::quote_seen:
        case State::after_quote: {
            char c = data[pos_++];
            if (c == '"' && state == State::quote_seen) {
                cell->push_back('"');
                quoted_cr_ = false;
                state = State::quoted;
            } else if (c == ',') {
                start_cell();
                state = State::field_start;
            } else if (c == '\r' || c == '\n') {
                return end_record(c);
            } else if (c == ' ' || c == '\t') {
                state = State::after_quote;
            } else {
                fail(line_, used - 1, "",
                     "text after a closing quote; inside a quoted value write a quote as "
                     "two quotes (\"\")");
            }
            break;
        }
        }
    }
    if (state == State::quoted)
        fail(quote_line, used - 1, "", "a quote opened on this line is never closed");
    row.cells.resize(used);
    return true;
}

void CsvReader::decode(TableRow& row) {
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
        std::string& cell = row.cells[i];
        std::size_t bad = decoder_->decode(cell);
        if (bad == std::string::npos)
            continue;
        std::size_t line = row.line + line_breaks(std::string_view(cell).substr(0, bad));
        std::string shown = decoder_->encoding() == TextEncoding::big5
                                ? std::string()
                                : with_replacement_chars(cell);
        fail(line, i, std::move(shown), decoder_->invalid_rule());
    }
}

std::string CsvReader::column_name(std::size_t index) const {
    return index < header_.size() ? header_[index] : std::string();
}

void CsvReader::fail(std::size_t line, std::size_t cell, std::string value,
                     std::string rule) const {
    throw InputError(display_name_, line, column_name(cell), std::move(value), std::move(rule));
}

} // namespace govpub::adapters::import
