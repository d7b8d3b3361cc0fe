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

//! A cell style's number format: its id and, when the workbook defines it, its code.
struct CellFormat {
    int id = 0;
    std::string code;
};

//! The number format of each cell style, by cellXfs index (a cell's s="" attribute).
std::vector<CellFormat> read_cell_formats(const Package& package, const std::string& part);

//! Undoes OOXML's `_xHHHH_` escapes, with which Excel stores control characters.
void decode_escapes(std::string& text);

} // namespace govpub::adapters::import::xlsx
