// The public catalogue feeds read as published into a real database, SQLite and MariaDB
// (SPEC §5.2).
#include "adapters/config/settings.hpp"
#include "adapters/db/database.hpp"
#include "adapters/import/feed_import.hpp"
#include "tests/support/backend_database.hpp"
#include "tests/support/test_support.hpp"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>

namespace govpub::adapters::import {
namespace {

namespace fs = std::filesystem;
using govpub::test::BackendDatabase;
using govpub::test::TempDir;
using govpub::test::to_big5;
using govpub::test::write_file;

// The year GPI's 2024 file was published in: 民國113.
const domain::GpnRules RULES{"12", 113};

// A GPI yearly file as the network publishes it: every field a string, prices as free text.
// Record 9 has a number for a price and no ISBN key at all, which a real file may also have.
const std::string GPI_2024 = R"json([
{"bookTitle": "臺灣原住民族歷史語言文化大辭典", "ISBN": "978-986-531-123-0", "ISSN": "",
 "GPN": "1011300123", "publisher": "原住民族委員會", "PublishDate": "2024/03/15",
 "price": "新臺幣350元", "GPNType": "圖書"},
{"bookTitle": "國家公園季刊", "ISBN": "", "ISSN": "1727-4907", "GPN": "2011300045",
 "publisher": "內政部國家公園署", "PublishDate": "113/06/01", "price": "NT$ 350",
 "GPNType": "連續性出版品"},
{"bookTitle": "臺北市政府施政報告", "ISBN": "9571154490", "GPN": "GPN：1011300200",
 "publisher": "臺北市政府", "PublishDate": "113年5月", "price": "免費"},
{"bookTitle": "行政院公報彙編", "ISBN": "9789571154490", "GPN": "10113002",
 "publisher": "行政院", "PublishDate": "2024-07-01", "price": "非賣品"},
{"bookTitle": "臺灣史料集成", "ISBN": "978-626-7021-23-1 (平裝)", "GPN": "1011300301",
 "publisher": "國史館", "PublishDate": "不詳", "price": ""},
{"bookTitle": "海洋保育手冊", "ISBN": "9789865321239", "GPN": "1011300302",
 "publisher": "海洋委員會", "PublishDate": "20240815", "price": "定價：480元"},
{"bookTitle": "客家文化研究叢書", "ISBN": "9789865331238", "GPN": "1011300303",
 "publisher": "客家委員會", "PublishDate": "2024/09/30", "price": "洽詢"},
{"bookTitle": "原住民族語言教材", "ISBN": "9786267031230", "GPN": "3011300304",
 "publisher": "教育部", "PublishDate": "2024/10/01", "price": "350元"},
{"bookTitle": "國土計畫白皮書", "GPN": "1011300305", "publisher": "內政部",
 "PublishDate": "2024/11/01", "price": 250}
]
)json";

const std::string NCL_HEADER =
    "申請書名,作者,出版機構,版次,預訂出版日,適讀對象,分級註記,分類號,ISBN,頁數,資料類型,"
    "建議上架分類,作品語文,圖書主題,是否為引進版權著作,定價,裝訂方式,出版形式,關鍵字,"
    "出版機構類型\r\n";

// NCL's monthly list: UTF-8 with a BOM, CRLF, a quoted title holding a comma.
const std::string NCL_202401 =
    "\xEF\xBB\xBF" + NCL_HEADER +
    "臺灣鳥類圖鑑,林大明,晨星出版有限公司,初版,2024/01,成人(一般),普遍級,388.833,"
    "9789865311230,320,圖書,自然科普,中文,動物,否,650,平裝,紙本,鳥類;圖鑑,一般出版社\r\n"
    "\"山、海、人：臺灣東海岸紀行, 增訂版\",陳美玲,遠足文化事業股份有限公司,二版,113/01,"
    "成人(一般),普遍級,733.69,9789865321239,256,圖書,旅遊,中文,臺灣,否,新臺幣420元,平裝,紙本,"
    "東海岸,一般出版社\r\n"
    "國立故宮博物院年報,國立故宮博物院,國立故宮博物院,初版,2024/01/20,成人(學術),普遍級,"
    "069.8,978-957-115-449-0,180,圖書,藝術,中文,博物館,否,非賣品,平裝,紙本,年報,政府機關\r\n"
    "給孩子的臺灣詩選,黃春明,聯經出版事業股份有限公司,初版,,兒童(7-12歲),普遍級,863.51,"
    "9576,96,圖書,兒童讀物,中文,詩,否,\"NT$1,200\",精裝,紙本,詩,一般出版社\r\n"
    "電子書實務手冊,王志成,五南圖書出版股份有限公司,初版,2024/02/30,成人(一般),普遍級,"
    "487.7,9786267031230,,電子書,商業,中文,出版,否,電洽,,電子,電子書,一般出版社\r\n";

//! Every test runs on the embedded SQLite file and on the throwaway MariaDB server ctest
//! starts (SPEC §5.1: the same feed, the same rows, on both).
class FeedImport : public ::testing::TestWithParam<std::string> {
  protected:
    void SetUp() override {
        if (!db_.open(GetParam(), dir.path()))
            GTEST_SKIP() << "no MariaDB test server (run through ctest)";
        settings.data_dir = dir / "data";
    }

    void TearDown() override { db_.reset(); }

    db::Database& db() { return *db_; }

    //! As `govpub import gpi|ncl-isbn` runs it: a record that cannot be a record is set aside.
    ImportSummary run(const fs::path& file, RowSink& sink) {
        ImportOptions options;
        options.skip_invalid = true;
        options.user = "tester";
        return run_import(db(), settings, file, sink, options);
    }

    //! The message of the InputError that refuses `file`, or "no error".
    std::string import_error(const fs::path& file, RowSink& sink) {
        try {
            run(file, sink);
        } catch (const InputError& error) {
            return error.what();
        }
        return "no error";
    }

    fs::path write(const std::string& name, const std::string& bytes) {
        write_file(dir / name, bytes);
        return dir / name;
    }

    long long count(const std::string& table) {
        long long n = 0;
        db().session() << "SELECT COUNT(*) FROM " + table, soci::into(n);
        return n;
    }

    //! One column of one stored record as text; nullopt for NULL.
    std::optional<std::string> text(long long record_no, const std::string& column) {
        std::string value;
        soci::indicator ind = soci::i_null;
        db().session() << "SELECT " + column + " FROM feed_record WHERE record_no = :n",
            soci::into(value, ind), soci::use(record_no);
        EXPECT_TRUE(db().session().got_data()) << "no record " << record_no;
        return ind == soci::i_ok ? std::optional(value) : std::nullopt;
    }

    std::optional<long long> price(long long record_no) {
        long long value = 0;
        soci::indicator ind = soci::i_null;
        db().session() << "SELECT price FROM feed_record WHERE record_no = :n",
            soci::into(value, ind), soci::use(record_no);
        EXPECT_TRUE(db().session().got_data()) << "no record " << record_no;
        return ind == soci::i_ok ? std::optional(value) : std::nullopt;
    }

    TempDir dir;
    config::Settings settings;

  private:
    BackendDatabase db_;
};

bool has_note(const ImportSummary& summary, const std::string& part) {
    for (const auto& note : summary.notes)
        if (note.find(part) != std::string::npos)
            return true;
    return false;
}

std::string notes_of(const ImportSummary& summary) {
    std::string all;
    for (const auto& note : summary.notes)
        all += note + "\n";
    return all;
}

TEST_P(FeedImport, GpiStoresEveryRecordWithItsSourceAndYear) {
    GpiImport sink(db(), std::nullopt, RULES);
    auto summary = run(write("2024books.json", GPI_2024), sink);
    EXPECT_EQ(summary.kind, "gpi");
    EXPECT_EQ(summary.format, "json");
    EXPECT_EQ(summary.lines, 9u);
    EXPECT_EQ(summary.accepted, 9u);
    EXPECT_EQ(summary.rejected, 0u);
    EXPECT_EQ(count("feed_record"), 9);
    long long other = -1;
    db().session() << "SELECT COUNT(*) FROM feed_record WHERE source <> 'gpi' OR "
                      "source_period <> '2024' OR import_sha256 <> :h",
        soci::into(other), soci::use(summary.sha256);
    EXPECT_EQ(other, 0);

    EXPECT_EQ(text(1, "title"), "臺灣原住民族歷史語言文化大辭典");
    EXPECT_EQ(text(1, "publisher"), "原住民族委員會");
    EXPECT_EQ(text(1, "gpn"), "1011300123");
    EXPECT_EQ(text(1, "isbn13"), "9789865311230");
    EXPECT_EQ(text(1, "pub_date"), "2024-03-15");
    EXPECT_EQ(price(1), 350);
    EXPECT_EQ(text(1, "price_text"), "新臺幣350元");
    EXPECT_EQ(text(1, "issn"), std::nullopt);

    EXPECT_EQ(text(2, "issn"), "1727-4907");
    EXPECT_EQ(text(2, "isbn13"), std::nullopt);
    EXPECT_EQ(text(2, "pub_date"), "2024-06-01"); // ROC 113/06/01
    EXPECT_EQ(price(2), 350);

    EXPECT_EQ(text(3, "isbn13"), "9789571154497"); // ISBN-10 stored as ISBN-13
    EXPECT_EQ(text(3, "gpn"), "1011300200");
    EXPECT_EQ(text(3, "pub_date"), "2024-05"); // only a month was published
    EXPECT_EQ(price(3), std::nullopt);         // 免費: no price, never a silent 0
    EXPECT_EQ(text(3, "price_text"), "免費");

    // Bad identifiers are kept as NULL; the record itself is still there.
    EXPECT_EQ(text(4, "title"), "行政院公報彙編");
    EXPECT_EQ(text(4, "isbn13"), std::nullopt);
    EXPECT_EQ(text(4, "gpn"), std::nullopt);
    EXPECT_EQ(price(4), std::nullopt);
    EXPECT_EQ(text(4, "price_text"), "非賣品");

    EXPECT_EQ(text(5, "isbn13"), "9786267021231"); // "(平裝)" after the number
    EXPECT_EQ(text(5, "pub_date"), std::nullopt);
    EXPECT_EQ(price(5), std::nullopt);
    EXPECT_EQ(text(5, "price_text"), std::nullopt);

    EXPECT_EQ(text(6, "pub_date"), "2024-08-15");
    EXPECT_EQ(price(6), 480);

    EXPECT_EQ(price(7), std::nullopt); // 洽詢 cannot be read: NULL, text kept
    EXPECT_EQ(text(7, "price_text"), "洽詢");

    EXPECT_EQ(text(8, "gpn"), "3011300304"); // unknown type digit: a warning, stored
    EXPECT_EQ(price(8), 350);
    EXPECT_EQ(price(9), 250);
    EXPECT_EQ(text(9, "price_text"), "250");
}

TEST_P(FeedImport, GpiCountsEachBucketAndReportsIt) {
    GpiImport sink(db(), std::nullopt, RULES);
    auto summary = run(write("2024books.json", GPI_2024), sink);
    const auto& c = sink.counts();
    EXPECT_EQ(c.records, 9u);
    EXPECT_EQ(c.price_amount, 5u);
    EXPECT_EQ(c.price_not_for_sale, 2u);
    EXPECT_EQ(c.price_missing, 1u);
    EXPECT_EQ(c.price_unreadable, 1u);
    EXPECT_EQ(c.isbn_valid, 6u);
    EXPECT_EQ(c.isbn_missing, 2u);
    EXPECT_EQ(c.isbn_invalid, 1u);
    EXPECT_EQ(c.gpn_valid, 8u);
    EXPECT_EQ(c.gpn_invalid, 1u);
    EXPECT_EQ(c.gpn_warned, 1u);
    EXPECT_EQ(c.issn_valid, 1u);
    EXPECT_EQ(c.issn_missing, 8u);
    EXPECT_EQ(c.date_full, 7u);
    EXPECT_EQ(c.date_month, 1u);
    EXPECT_EQ(c.date_unreadable, 1u);
    EXPECT_EQ(c.date_missing, 0u);

    const std::string notes = notes_of(summary);
    EXPECT_TRUE(has_note(summary, "price: 5 readable, 2 not for sale (非賣品/免費), 1 not given, "
                                  "1 unreadable"))
        << notes;
    EXPECT_TRUE(has_note(summary, "record 7: \"洽詢\"")) << notes;
    EXPECT_TRUE(has_note(summary, "ISBN: 6 valid, 2 not given, 1 invalid")) << notes;
    EXPECT_TRUE(has_note(summary, "record 4: ISBN 9789571154490: check digit should be 7"))
        << notes;
    EXPECT_TRUE(has_note(summary, "GPN: 8 valid, 0 not given, 1 invalid")) << notes;
    EXPECT_TRUE(has_note(summary, "GPN: 1 stored with a warning")) << notes;
    EXPECT_TRUE(has_note(summary, "publication date: 7 readable, 1 month only")) << notes;
    EXPECT_TRUE(has_note(summary, "record 5:")) << notes;
}

TEST_P(FeedImport, SameBytesTwiceChangeNothing) {
    auto file = write("2024books.json", GPI_2024);
    GpiImport first(db(), std::nullopt, RULES);
    auto once = run(file, first);
    ASSERT_FALSE(once.already_imported);
    EXPECT_TRUE(fs::exists(once.archived_as));

    GpiImport second(db(), std::nullopt, RULES);
    auto twice = run(file, second);
    EXPECT_TRUE(twice.already_imported);
    EXPECT_EQ(twice.sha256, once.sha256);
    EXPECT_TRUE(twice.notes.empty());
    EXPECT_EQ(count("feed_record"), 9);
    EXPECT_EQ(count("import_file"), 1);

    auto csv = write("202401_isbn.csv", NCL_202401);
    NclIsbnImport ncl_first(db(), std::nullopt);
    EXPECT_FALSE(run(csv, ncl_first).already_imported);
    NclIsbnImport ncl_second(db(), std::nullopt);
    EXPECT_TRUE(run(csv, ncl_second).already_imported);
    EXPECT_EQ(count("feed_record"), 14);
    EXPECT_EQ(count("import_file"), 2);
}

TEST_P(FeedImport, NclStoresEveryLineWithItsSourceAndMonth) {
    NclIsbnImport sink(db(), std::nullopt);
    auto summary = run(write("202401_isbn.csv", NCL_202401), sink);
    EXPECT_EQ(summary.kind, "ncl-isbn");
    EXPECT_EQ(summary.format, "csv/utf-8-bom");
    EXPECT_EQ(summary.lines, 5u);
    EXPECT_EQ(summary.rejected, 0u);
    EXPECT_EQ(count("feed_record"), 5);
    long long other = -1;
    db().session() << "SELECT COUNT(*) FROM feed_record WHERE source <> 'ncl' OR "
                      "source_period <> '202401' OR gpn IS NOT NULL OR issn IS NOT NULL",
        soci::into(other);
    EXPECT_EQ(other, 0);

    // record_no is the CSV line, so a person finds the record in the file.
    EXPECT_EQ(text(2, "title"), "臺灣鳥類圖鑑");
    EXPECT_EQ(text(2, "publisher"), "晨星出版有限公司");
    EXPECT_EQ(text(2, "isbn13"), "9789865311230");
    EXPECT_EQ(text(2, "pub_date"), "2024-01"); // 預訂出版日 is a planned month
    EXPECT_EQ(price(2), 650);
    EXPECT_EQ(text(3, "title"), "山、海、人：臺灣東海岸紀行, 增訂版");
    EXPECT_EQ(text(3, "pub_date"), "2024-01");
    EXPECT_EQ(price(3), 420);
    EXPECT_EQ(text(4, "isbn13"), std::nullopt);
    EXPECT_EQ(text(4, "pub_date"), "2024-01-20");
    EXPECT_EQ(price(4), std::nullopt);
    EXPECT_EQ(text(4, "price_text"), "非賣品");
    EXPECT_EQ(text(5, "isbn13"), std::nullopt);
    EXPECT_EQ(text(5, "pub_date"), std::nullopt);
    EXPECT_EQ(price(5), 1200);
    EXPECT_EQ(price(6), std::nullopt);
    EXPECT_EQ(text(6, "price_text"), "電洽");
    EXPECT_EQ(text(6, "pub_date"), std::nullopt); // 2024/02/30 does not exist

    const auto& c = sink.counts();
    EXPECT_EQ(c.price_amount, 3u);
    EXPECT_EQ(c.price_not_for_sale, 1u);
    EXPECT_EQ(c.price_unreadable, 1u);
    EXPECT_EQ(c.isbn_valid, 3u);
    EXPECT_EQ(c.isbn_invalid, 2u);
    EXPECT_EQ(c.date_full, 1u);
    EXPECT_EQ(c.date_month, 2u);
    EXPECT_EQ(c.date_missing, 1u);
    EXPECT_EQ(c.date_unreadable, 1u);
    const std::string notes = notes_of(summary);
    EXPECT_TRUE(has_note(summary, "price: 3 readable, 1 not for sale (非賣品/免費), 0 not given, "
                                  "1 unreadable"))
        << notes;
    EXPECT_TRUE(has_note(summary, "line 6: \"電洽\"")) << notes;
    EXPECT_TRUE(has_note(summary, "ISBN: 3 valid, 0 not given, 2 invalid")) << notes;
    EXPECT_FALSE(has_note(summary, "GPN")) << notes; // the NCL list has no GPN column
}

TEST_P(FeedImport, NclIsReadFromBig5Too) {
    NclIsbnImport sink(db(), std::nullopt);
    std::string utf8 = NCL_202401.substr(3); // Big5 files have no BOM
    auto summary = run(write("202402_isbn.csv", to_big5(utf8)), sink);
    EXPECT_EQ(summary.format, "csv/big5");
    EXPECT_EQ(summary.lines, 5u);
    EXPECT_EQ(text(3, "title"), "山、海、人：臺灣東海岸紀行, 增訂版");
    EXPECT_EQ(text(3, "source_period"), "202402");
    EXPECT_EQ(sink.counts().price_amount, 3u);
}

TEST_P(FeedImport, ShiftedLineIsSetAsideNotTheWholeFeed) {
    NclIsbnImport sink(db(), std::nullopt);
    // An unquoted comma in the title pushes every later cell one column right.
    std::string bytes = "\xEF\xBB\xBF" + NCL_HEADER +
                        "臺灣鳥類圖鑑,林大明,晨星出版有限公司,初版,2024/01,成人(一般),普遍級,"
                        "388.833,9789865311230,320,圖書,自然科普,中文,動物,否,650,平裝,紙本,"
                        "鳥類,一般出版社\r\n"
                        "山、海、人,增訂版,陳美玲,遠足文化,二版,113/01,成人(一般),普遍級,733.69,"
                        "9789865321239,256,圖書,旅遊,中文,臺灣,否,420,平裝,紙本,東海岸,"
                        "一般出版社\r\n";
    auto summary = run(write("202401_isbn.csv", bytes), sink);
    EXPECT_EQ(summary.accepted, 1u);
    EXPECT_EQ(summary.rejected, 1u);
    EXPECT_TRUE(fs::exists(summary.rejects_file));
    EXPECT_EQ(count("feed_record"), 1);
}

TEST_P(FeedImport, PeriodComesFromTheOptionWhenTheNameHasNone) {
    auto file = write("books.json", GPI_2024);
    GpiImport unnamed(db(), std::nullopt, RULES);
    EXPECT_NE(import_error(file, unnamed).find("does not say its year"), std::string::npos);

    GpiImport bad(db(), std::string("113"), RULES);
    EXPECT_NE(import_error(file, bad).find("--period: \"113\" — must be a year YYYY"),
              std::string::npos)
        << import_error(file, bad);

    GpiImport given(db(), std::string("2023"), RULES);
    run(file, given);
    EXPECT_EQ(given.period(), "2023");
    EXPECT_EQ(text(1, "source_period"), "2023");

    NclIsbnImport month13(db(), std::nullopt);
    EXPECT_NE(
        import_error(write("202413_isbn.csv", NCL_202401), month13).find("must be a month YYYYMM"),
        std::string::npos);
}

TEST_P(FeedImport, RefusesFilesThatAreNotTheFeed) {
    auto error = [&](const std::string& name, const std::string& bytes) {
        GpiImport sink(db(), std::nullopt, RULES);
        return import_error(write(name, bytes), sink);
    };
    EXPECT_NE(error("2024books.json", "bookTitle,GPN\n書,1011300123\n").find("is not valid JSON"),
              std::string::npos);
    EXPECT_NE(error("2025books.json", R"({"books": []})").find("is a JSON object, not an array"),
              std::string::npos);
    EXPECT_NE(error("2026books.json", R"(["臺灣史料集成"])").find("record 1 that is not a JSON"),
              std::string::npos);
    EXPECT_NE(error("2027books.json", "[]").find("empty JSON array"), std::string::npos);
    EXPECT_NE(error("2028books.json", "").find("is empty"), std::string::npos);
    std::string missing = error("2029books.json", R"([{"title": "書", "price": "350"}])");
    EXPECT_NE(missing.find("bookTitle"), std::string::npos) << missing;
    EXPECT_NE(missing.find("GPN"), std::string::npos) << missing;

    NclIsbnImport ncl(db(), std::nullopt);
    std::string no_price = import_error(
        write("202401_isbn.csv", "\xEF\xBB\xBF申請書名,ISBN\r\n臺灣鳥類圖鑑,9789865311230\r\n"),
        ncl);
    EXPECT_NE(no_price.find("定價"), std::string::npos) << no_price;

    EXPECT_EQ(count("import_file"), 0);
    EXPECT_EQ(count("feed_record"), 0);
}

TEST_P(FeedImport, BomBeforeTheJsonArrayIsAccepted) {
    GpiImport sink(db(), std::nullopt, RULES);
    auto summary = run(write("2024books.json", "\xEF\xBB\xBF" + GPI_2024), sink);
    EXPECT_EQ(summary.lines, 9u);
}

INSTANTIATE_TEST_SUITE_P(Backends, FeedImport, ::testing::Values("sqlite", "mariadb"),
                         [](const auto& info) { return info.param; });

} // namespace
} // namespace govpub::adapters::import
