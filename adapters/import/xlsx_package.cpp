// Zip access and the small XLSX parts (workbook, relationships, styles, shared strings).
#include "adapters/import/xlsx_package.hpp"

#include "adapters/import/input_error.hpp"

#include <Poco/Exception.h>
#include <Poco/SAX/Attributes.h>
#include <Poco/SAX/DefaultHandler.h>
#include <Poco/SAX/InputSource.h>
#include <Poco/SAX/SAXParser.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>
#include <algorithm>
#include <array>
#include <charconv>
#include <fstream>
#include <functional>
#include <map>

namespace govpub::adapters::import::xlsx {

namespace {

// Far above a million rows of titles (Excel itself stores each distinct text only once).
constexpr std::size_t MAX_SHARED_STRING_BYTES = std::size_t{512} << 20;

InputError not_a_workbook(const std::string& file, const std::string& why) {
    return InputError(file, 0, "", "",
                      "is not an XLSX workbook (" + why +
                          "); save it from Excel as .xlsx or export CSV");
}

std::string normalized_name(std::string name) {
    for (char& c : name)
        c = c == '\\' ? '/' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return name.starts_with('/') ? name.substr(1) : name;
}

int to_int(const std::string& text, int fallback) {
    int value = fallback;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size() ? value : fallback;
}

// Reads through a part's inflated bytes in large steps and counts them for progress.
class CountingBuffer : public std::streambuf {
  public:
    explicit CountingBuffer(std::istream& source) : source_(source), buffer_(64 * 1024) {}
    std::uint64_t count() const { return count_; }

  protected:
    int_type underflow() override {
        source_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
        auto got = static_cast<std::size_t>(source_.gcount());
        if (got == 0)
            return traits_type::eof();
        count_ += got;
        setg(buffer_.data(), buffer_.data(), buffer_.data() + got);
        return traits_type::to_int_type(buffer_[0]);
    }

  private:
    std::istream& source_;
    std::vector<char> buffer_;
    std::uint64_t count_ = 0;
};

class ZipPart final : public Package::PartStream {
  public:
    ZipPart(const std::filesystem::path& file, const Poco::Zip::ZipLocalFileHeader& header)
        : file_(file, std::ios::binary), zip_(file_, header, true), counting_(zip_) {
        rdbuf(&counting_);
    }
    std::uint64_t bytes_read() const override { return counting_.count(); }

  private:
    std::ifstream file_;
    Poco::Zip::ZipInputStream zip_;
    CountingBuffer counting_;
};

// Element callbacks for a whole small part; the namespace is ignored so that both
// transitional and strict OOXML files match on local names.
class Events : public Poco::XML::DefaultHandler {
  public:
    std::function<void(const std::string&, const Poco::XML::Attributes&)> on_start;
    std::function<void(const std::string&)> on_end;
    std::function<void(const char*, int)> on_text;

    void startElement(const Poco::XML::XMLString&, const Poco::XML::XMLString& local_name,
                      const Poco::XML::XMLString&,
                      const Poco::XML::Attributes& attributes) override {
        if (on_start)
            on_start(local_name, attributes);
    }
    void endElement(const Poco::XML::XMLString&, const Poco::XML::XMLString& local_name,
                    const Poco::XML::XMLString&) override {
        if (on_end)
            on_end(local_name);
    }
    void characters(const Poco::XML::XMLChar text[], int start, int length) override {
        if (on_text)
            on_text(text + start, length);
    }
};

std::string attribute(const Poco::XML::Attributes& attributes, std::string_view local_name) {
    for (int i = 0; i < attributes.getLength(); ++i)
        if (attributes.getLocalName(i) == local_name)
            return attributes.getValue(i);
    return {};
}

void parse_part(const Package& package, const std::string& part, Events& events) {
    try {
        auto stream = package.open(part);
        Poco::XML::InputSource source(*stream);
        Poco::XML::SAXParser parser;
        parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, true);
        parser.setContentHandler(&events);
        parser.parse(&source);
    } catch (const Poco::Exception& error) {
        throw not_a_workbook(package.display_name(),
                             "its part " + part + " cannot be read: " + error.displayText());
    }
}

struct Relationship {
    std::string id;
    std::string type;
    std::string target; // part name, resolved against the source part's folder
};

std::string resolve(const std::string& folder, const std::string& target) {
    std::string path = target.starts_with('/') ? target.substr(1) : folder + target;
    std::vector<std::string> segments;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t slash = std::min(path.find('/', start), path.size());
        std::string segment = path.substr(start, slash - start);
        if (segment == ".." && !segments.empty())
            segments.pop_back();
        else if (!segment.empty() && segment != "." && segment != "..")
            segments.push_back(segment);
        start = slash + 1;
    }
    std::string resolved;
    for (const auto& segment : segments)
        resolved += (resolved.empty() ? "" : "/") + segment;
    return resolved;
}

// The relationships of `part` (e.g. xl/workbook.xml -> xl/_rels/workbook.xml.rels).
std::vector<Relationship> read_relationships(const Package& package, const std::string& part) {
    std::size_t slash = part.rfind('/');
    std::string folder = slash == std::string::npos ? "" : part.substr(0, slash + 1);
    std::string file = slash == std::string::npos ? part : part.substr(slash + 1);
    auto stored = package.find(folder + "_rels/" + file + ".rels");
    std::vector<Relationship> relationships;
    if (!stored)
        return relationships;
    Events events;
    events.on_start = [&](const std::string& name, const Poco::XML::Attributes& attributes) {
        if (name == "Relationship" && attribute(attributes, "TargetMode") != "External")
            relationships.push_back({attribute(attributes, "Id"), attribute(attributes, "Type"),
                                     resolve(folder, attribute(attributes, "Target"))});
    };
    parse_part(package, *stored, events);
    return relationships;
}

const Relationship* find_type(const std::vector<Relationship>& relationships,
                              std::string_view type_suffix) {
    for (const auto& relationship : relationships)
        if (relationship.type.ends_with(type_suffix))
            return &relationship;
    return nullptr;
}

} // namespace

Package::Package(const std::filesystem::path& file, std::string display_name)
    : file_(file), display_name_(std::move(display_name)) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw InputError(display_name_, 0, "", "", "cannot be opened: no such readable file");
    std::array<char, 4> magic{};
    in.read(magic.data(), magic.size());
    if (in.gcount() < 2 || magic[0] != 'P' || magic[1] != 'K') {
        bool text =
            in.gcount() > 0 && std::all_of(magic.begin(), magic.begin() + in.gcount(), [](char c) {
                return c >= 0x20 || c == '\n' || c == '\r' || c == '\t';
            });
        throw not_a_workbook(display_name_, text ? "it is plain text, perhaps a CSV file renamed"
                                                 : "it is not a zip file");
    }
    in.clear();
    in.seekg(0);
    try {
        archive_ = std::make_unique<Poco::Zip::ZipArchive>(in);
    } catch (const std::exception& error) {
        const auto* poco = dynamic_cast<const Poco::Exception*>(&error);
        throw not_a_workbook(display_name_, std::string("the zip file is damaged: ") +
                                                (poco ? poco->displayText() : error.what()));
    }
}

Package::~Package() = default;

std::optional<std::string> Package::find(const std::string& part) const {
    if (archive_->findHeader(part) != archive_->headerEnd())
        return part;
    // Some writers differ in case or use backslashes; Excel itself does not care.
    std::string wanted = normalized_name(part);
    for (auto it = archive_->headerBegin(); it != archive_->headerEnd(); ++it)
        if (normalized_name(it->first) == wanted)
            return it->first;
    return std::nullopt;
}

std::uint64_t Package::size(const std::string& part) const {
    auto it = archive_->findHeader(part);
    return it == archive_->headerEnd() ? 0 : it->second.getUncompressedSize();
}

std::unique_ptr<Package::PartStream> Package::open(const std::string& part) const {
    auto it = archive_->findHeader(part);
    if (it == archive_->headerEnd())
        throw not_a_workbook(display_name_, "it has no part " + part);
    return std::make_unique<ZipPart>(file_, it->second);
}

Workbook read_workbook(const Package& package) {
    std::string main_part = "xl/workbook.xml";
    auto package_relationships = read_relationships(package, "");
    if (const auto* office = find_type(package_relationships, "/officeDocument"))
        main_part = office->target;
    auto stored = package.find(main_part);
    if (!stored)
        throw not_a_workbook(package.display_name(), "a zip file without " + main_part);

    Workbook workbook;
    std::vector<std::pair<std::string, std::string>> sheets; // name, relationship id
    Events events;
    events.on_start = [&](const std::string& name, const Poco::XML::Attributes& attributes) {
        if (name == "workbookPr") {
            std::string date1904 = attribute(attributes, "date1904");
            workbook.date1904 = date1904 == "1" || date1904 == "true";
        } else if (name == "sheet") {
            sheets.emplace_back(attribute(attributes, "name"), attribute(attributes, "id"));
        }
    };
    parse_part(package, *stored, events);

    auto relationships = read_relationships(package, *stored);
    for (const auto& [sheet_name, id] : sheets) {
        for (const auto& relationship : relationships) {
            // A chart sheet can come first in the tabs; the data is on the first worksheet.
            if (relationship.id != id || !relationship.type.ends_with("/worksheet"))
                continue;
            if (auto part = package.find(relationship.target)) {
                workbook.sheet_name = sheet_name;
                workbook.sheet_part = *part;
                break;
            }
        }
        if (!workbook.sheet_part.empty())
            break;
    }
    if (workbook.sheet_part.empty())
        throw not_a_workbook(package.display_name(), "the workbook has no worksheet");
    if (const auto* strings = find_type(relationships, "/sharedStrings"))
        workbook.shared_strings_part = package.find(strings->target).value_or("");
    if (const auto* styles = find_type(relationships, "/styles"))
        workbook.styles_part = package.find(styles->target).value_or("");
    return workbook;
}

std::vector<std::string> read_shared_strings(const Package& package, const std::string& part) {
    std::vector<std::string> strings;
    std::string current;
    int phonetic_depth = 0; // <rPh> holds reading hints, not text
    bool in_text = false;
    Events events;
    events.on_start = [&](const std::string& name, const Poco::XML::Attributes& attributes) {
        if (name == "t") {
            in_text = phonetic_depth == 0;
        } else if (name == "rPh") {
            ++phonetic_depth;
        } else if (name == "si") {
            current.clear();
        } else if (name == "sst") {
            // A hint only: capped so that a lying count cannot reserve gigabytes.
            strings.reserve(static_cast<std::size_t>(
                std::clamp(to_int(attribute(attributes, "uniqueCount"), 0), 0, 1 << 20)));
        }
    };
    events.on_end = [&](const std::string& name) {
        if (name == "t") {
            in_text = false;
        } else if (name == "rPh") {
            --phonetic_depth;
        } else if (name == "si") {
            decode_escapes(current);
            strings.push_back(std::move(current));
            current.clear();
        }
    };
    std::size_t total = 0;
    events.on_text = [&](const char* text, int length) {
        if (!in_text)
            return;
        current.append(text, static_cast<std::size_t>(length));
        // The table is held in memory, so a zip that inflates it without end must stop.
        total += static_cast<std::size_t>(length);
        if (total > MAX_SHARED_STRING_BYTES)
            throw InputError(package.display_name(), 0, "", "",
                             "holds more than " + std::to_string(MAX_SHARED_STRING_BYTES >> 20) +
                                 " MiB of shared text; split the workbook or export CSV");
    };
    parse_part(package, part, events);
    return strings;
}

std::vector<CellFormat> read_cell_formats(const Package& package, const std::string& part) {
    std::map<int, std::string> codes;
    std::vector<CellFormat> formats;
    bool in_formats = false;
    bool in_cell_styles = false;
    Events events;
    events.on_start = [&](const std::string& name, const Poco::XML::Attributes& attributes) {
        if (name == "numFmts")
            in_formats = true;
        else if (name == "cellXfs")
            in_cell_styles = true;
        else if (name == "numFmt" && in_formats)
            codes[to_int(attribute(attributes, "numFmtId"), -1)] =
                attribute(attributes, "formatCode");
        else if (name == "xf" && in_cell_styles)
            formats.push_back({to_int(attribute(attributes, "numFmtId"), 0), ""});
    };
    events.on_end = [&](const std::string& name) {
        if (name == "numFmts")
            in_formats = false;
        else if (name == "cellXfs")
            in_cell_styles = false;
    };
    parse_part(package, part, events);
    // <numFmts> comes before <cellXfs> in Excel's files but not by any rule.
    for (auto& format : formats) {
        auto code = codes.find(format.id);
        if (code != codes.end())
            format.code = code->second;
    }
    return formats;
}

void decode_escapes(std::string& text) {
    if (text.find("_x") == std::string::npos)
        return;
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        unsigned code = 0;
        if (text.compare(i, 2, "_x") == 0 && i + 7 <= text.size() && text[i + 6] == '_' &&
            std::from_chars(text.data() + i + 2, text.data() + i + 6, code, 16).ptr ==
                text.data() + i + 6) {
            if (code >= 0xD800 && code <= 0xDFFF)
                code = 0xFFFD; // half of a surrogate pair cannot stand alone in UTF-8
            if (code < 0x80) {
                out.push_back(static_cast<char>(code));
            } else if (code < 0x800) {
                out.push_back(static_cast<char>(0xC0 | (code >> 6)));
                out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
            } else {
                out.push_back(static_cast<char>(0xE0 | (code >> 12)));
                out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
                out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
            }
            i += 7;
        } else {
            out.push_back(text[i++]);
        }
    }
    text.swap(out);
}

} // namespace govpub::adapters::import::xlsx
