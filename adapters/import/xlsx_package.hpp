// The parts of an XLSX workbook around its sheets: zip access, sheet order, styles, strings.
#pragma once

#include <cstdint>
#include <filesystem>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace Poco::Zip {
class ZipArchive;
}

namespace govpub::adapters::import::xlsx {

//! An opened .xlsx file: its zip directory, read once. Throws InputError when the file is
//! not a zip or holds no workbook.
class Package {
  public:
    Package(const std::filesystem::path& file, std::string display_name);
    ~Package();

    const std::string& display_name() const { return display_name_; }
    //! The part's name as stored, found case-insensitively, or nullopt.
    std::optional<std::string> find(const std::string& part) const;
    std::uint64_t size(const std::string& part) const;
    //! A stream of the part's uncompressed bytes, with its own file handle; bytes_read()
    //! on the returned object tells progress.
    class PartStream;
    std::unique_ptr<PartStream> open(const std::string& part) const;

  private:
    std::filesystem::path file_;
    std::string display_name_;
    std::unique_ptr<Poco::Zip::ZipArchive> archive_;
};

class Package::PartStream : public std::istream {
  public:
    virtual std::uint64_t bytes_read() const = 0;

  protected:
    PartStream() : std::istream(nullptr) {}
};

//! What the workbook says about its first worksheet.
struct Workbook {
    std::string sheet_name;
    std::string sheet_part;          //!< e.g. "xl/worksheets/sheet1.xml"
    std::string shared_strings_part; //!< empty when there is none
    std::string styles_part;         //!< empty when there is none
    bool date1904 = false;           //!< Mac Excel's date system: serial 0 = 1904-01-01
};

//! Finds the first worksheet in workbook order (xl/workbook.xml and its relationships).
Workbook read_workbook(const Package& package);

//! Every shared string, rich-text runs joined and phonetic hints left out. Excel writes
//! the whole table before any sheet refers to it, so it is held in memory; sheets stream.
std::vector<std::string> read_shared_strings(const Package& package, const std::string& part);

//! For each cell style (cellXfs index): whether its number format shows a date.
std::vector<bool> read_date_styles(const Package& package, const std::string& part);

//! Whether number format `id` (with `code` when the workbook defines it) shows a date;
//! time-only formats do not, so their values stay numbers.
bool is_date_format(int id, std::string_view code);

//! A numeric cell as Excel shows it in General format: integers without ".0", others with
//! up to 15 significant digits (so 0.1+0.2 reads "0.3"). Unreadable text is returned as is.
std::string excel_number(std::string_view stored);

//! An Excel date serial as YYYY-MM-DD (time of day dropped), honouring the 1900 system's
//! fictitious 1900-02-29; nullopt when the serial is outside 1900 (or 1904) to 9999.
std::optional<std::string> excel_date(double serial, bool date1904);

//! Undoes OOXML's `_xHHHH_` escapes, with which Excel stores control characters.
void decode_escapes(std::string& text);

} // namespace govpub::adapters::import::xlsx
