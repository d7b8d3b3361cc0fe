// A year of notices (SPEC §4.8, §4.9, §4.12; 要點6(2), 6(4), 11(3)–(4); 民法122): `govpub jobs
// run-due --now` once a day at 07:00 through 2026 with a real SMTP server (aiosmtpd), which is
// down from 8 to 20 June — across the settlement of 10 June. Each notice must be queued on the
// day its rule gives, month-end and holiday rolls included, arrive exactly once, and none may
// be lost to the outage.
//
// The data: the demo's master data, consignment lists and 2026H1 sales (config/demo); two
// pamphlets (retention 1 year, SPEC §4.1) supplied on 2025-05-20, so that they are past
// retention at the settlement of 2026-06-10 and go on two disposal lists; the S02 list is
// answered on 1 July, the S01 list never. Depository libraries: the NCL, the LY and L01 (which
// receives A004 only), with receipts whose check-in or service deadlines fall on holidays and
// weekends. Nothing is ever paid: govpub records no payments yet, so both stores are reminded
// before the due date and told afterwards that it passed.
#include "tests/scenario/schedule_scenario.hpp"
#include "tests/support/notices_support.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <set>
#include <string>

namespace govpub::test {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono;
using ::testing::HasSubstr;

std::string iso(sys_days day) {
    const year_month_day d{day};
    char text[16]; // room for any year the type holds, so the compiler sees no truncation
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    return text;
}

class NoticeYear : public ScheduleScenario {
  protected:
    //! FULL_SCHEDULE with the mail server and the office that signs.
    void write_mail_settings(int port) {
        write_file(dir_ / "govpub.ini",
                   "[calendar]\nholidays = " + (source_dir() / "config/holidays.csv").string() +
                       "\n[settlement]\nperiod_end_months = 5,11\nrun_day = 10\n"
                       "payment_days = 30\n[schedule]\n" + FULL_SCHEDULE +
                       "[smtp]\nhost = 127.0.0.1\nport = " + std::to_string(port) +
                       "\nfrom = 國家書店結算作業 <settle@example.gov.tw>\ntimeout = 5\n"
                       "[notices]\noffice = 國家書店 政府出版品結算作業\n"
                       "payment_reminder_days = 7\n");
    }

    void import(const std::string& kind, const std::string& name, const std::string& text) {
        write_file(dir_ / name, text);
        auto r = govpub("import " + kind + " " + sh_quote((dir_ / name).string()));
        ASSERT_EQ(r.status, 0) << name << ": " << r.out << r.err;
    }

    //! "type subject period" of every notice in the log.
    std::set<std::string> logged() {
        std::set<std::string> all;
        std::istringstream rows(sql("SELECT type || ' ' || subject_key || ' ' || period "
                                    "FROM notice;"));
        for (std::string line; std::getline(rows, line);)
            all.insert(line);
        return all;
    }
};

TEST_P(NoticeYear, EveryNoticeIsQueuedOnItsDayAndArrivesOnceThroughAnOutage) {
    TempDir scratch;
    SmtpTestServer server(dir_ / "smtp");
    write_mail_settings(server.port());
    ASSERT_NO_FATAL_FAILURE(load_demo("", "settle --period 2026H1"));
    ASSERT_NO_FATAL_FAILURE(import(
        "consignment", "pamphlets_S01.csv",
        "list_no,agency,store,supply_date,gpn,title,list_price,quantity,sample\n"
        "A001-S01-20250520,A001,S01,2025-05-20,1011400890,國家文化記憶庫導覽手冊,150,5,0\n"));
    ASSERT_NO_FATAL_FAILURE(import(
        "consignment", "pamphlets_S02.csv",
        "list_no,agency,store,supply_date,gpn,title,list_price,quantity,sample\n"
        "A008-S02-20250520,A008,S02,2025-05-20,1011402210,臺灣自行車旅遊地圖,150,3,0\n"));
    ASSERT_NO_FATAL_FAILURE(import("libraries", "libraries.csv",
                                   "code,name,kind,email,agencies\n"
                                   "NCL,國家圖書館,ncl,ncl@example.gov.tw,\n"
                                   "LY,立法院國會圖書館,ly,ly@example.gov.tw,\n"
                                   "L01,臺中市立圖書館,depository,l01@example.gov.tw,A004\n"));
    // 01-16 + 1 month = 02-16, 春節 until 02-20, then a weekend: check-in due Monday 02-23.
    // 01-31 + 1 month = 02-28 (和平紀念日, a Saturday): due Monday 03-02.
    // Checked in 03-31: service due 05-31, a Sunday: 06-01.
    // Received 03-20 and checked in 03-25: service due 05-25, met on 05-20: no reminder.
    ASSERT_NO_FATAL_FAILURE(import("receipts", "receipts.csv",
                                   "library,gpn,copies,received_on,checked_in_on,in_service_on\n"
                                   "NCL,1011402815,2,2026-01-16,,\n"
                                   "LY,1011402815,1,2026-01-31,,\n"
                                   "L01,2009500013,1,2026-03-20,2026-03-31,\n"
                                   "NCL,1011300243,2,2026-03-20,2026-03-25,2026-05-20\n"));

    const sys_days first = sys_days{2026y / January / 1}, last = sys_days{2026y / December / 31};
    const sys_days down_from = sys_days{2026y / June / 8}, down_to = sys_days{2026y / June / 20};
    std::map<std::string, std::string> queued_on; // "type subject period" → the run-due's day
    std::set<std::string> before;
    for (sys_days d = first; d <= last; d += days{1}) {
        if (d == down_from)
            server.stop();
        if (d == down_to + days{1})
            server.start();
        if (iso(d) == "2026-07-01") { // the agency answers the S02 list: return all three
            ASSERT_NO_FATAL_FAILURE(import("replies", "reply_A008.csv",
                                           "notice,gpn,action,quantity,recipient,replied_on\n"
                                           "D2026H1-S02-A008,1011402210,退還,3,,2026-07-01\n"));
        }
        if (iso(d) == "2026-06-20") { // as the demo does: later sales after 2026H1 closed
            ASSERT_NO_FATAL_FAILURE(load_demo("settle --period 2026H1", "settle --period 2026H2"));
        }
        auto r = run_due(iso(d) + " 07:00");
        ASSERT_EQ(r.status, 0) << iso(d) << "\n" << r.out << r.err;
        auto now = logged();
        for (const auto& n : now)
            if (!before.count(n))
                queued_on[n] = iso(d);
        before = std::move(now);
        if (iso(d) == "2026-06-10") {
            // The mail server is down: the statements wait, failed once, and nothing arrived.
            EXPECT_EQ(sql("SELECT COUNT(*) FROM notice WHERE status = 'sent' AND "
                          "period = '2026H1';"),
                      "0\n");
            EXPECT_EQ(sql("SELECT MIN(attempts) >= 1 FROM notice WHERE period = '2026H1';"),
                      "1\n");
        }
    }

    // On the right days. Payments of 2026H1: due 07-10 (06-10 + 30 days, a Friday).
    const std::map<std::string, std::string> expected{
        {"check_in_reminder NCL 2026-02-23", "2026-02-24"},
        {"check_in_reminder LY 2026-03-02", "2026-03-03"},
        {"service_reminder L01 2026-06-01", "2026-06-02"},
        {"settlement_statement 2026H1/S01/A001 2026H1", "2026-06-10"},
        {"settlement_statement 2026H1/S01 2026H1", "2026-06-10"},
        {"disposal_request D2026H1-S01-A001 2026H1", "2026-06-10"},
        {"disposal_request D2026H1-S02-A008 2026H1", "2026-06-10"},
        {"payment_due S01 2026-07-10", "2026-07-03"},
        {"payment_overdue S01 2026-07-10", "2026-07-11"},
        {"disposal_reminder D2026H1-S01-A001 2026-07-10", "2026-07-11"},
        {"settlement_statement 2026H2/S02 2026H2", "2026-12-10"},
    };
    for (const auto& [notice, day] : expected)
        EXPECT_EQ(queued_on.count(notice) ? queued_on[notice] : "(never)", day) << notice;
    // Answered in time: no reminder. Met in time: no service reminder.
    EXPECT_EQ(queued_on.count("disposal_reminder D2026H1-S02-A008 2026-07-10"), 0u);
    for (const auto& [notice, day] : queued_on)
        EXPECT_FALSE(notice.rfind("service_reminder NCL", 0) == 0) << notice << " on " << day;
    // The first look at the schedule (1 January) runs the check of 2026Q1, which claims what
    // the NCL lacks of A001's publications (要點6(4)); a gap still open in a later quarter is
    // not claimed again.
    EXPECT_EQ(queued_on.count("claim NCL/A001 2026Q1") ? queued_on["claim NCL/A001 2026Q1"] : "",
              "2026-01-01");
    EXPECT_EQ(sql("SELECT library || ' ' || gpn FROM claim GROUP BY library, gpn "
                  "HAVING COUNT(*) > 1;"),
              "");

    // Exactly once, nothing lost: every logged notice sent, each Message-ID arrived once.
    EXPECT_EQ(sql("SELECT COUNT(*) FROM notice WHERE status <> 'sent';"), "0\n");
    const auto arrived = arrivals(server, scratch);
    EXPECT_EQ(arrived.size(), queued_on.size());
    for (const auto& [id, times] : arrived)
        EXPECT_EQ(times, 1) << id;
    // The outage shows in the log: the 2026H1 statements were tried until the server came back.
    EXPECT_EQ(sql("SELECT MIN(attempts) > 1 FROM notice WHERE period = '2026H1';"), "1\n");

    // What arrived is what a person reads: the decoded subject, a ROC date, the attachment.
    const std::string file =
        sql("SELECT eml_path FROM notice WHERE type = 'disposal_request' AND "
            "subject_key = 'D2026H1-S01-A001';");
    ASSERT_FALSE(file.empty());
    bool found = false;
    for (const auto& message : server.messages()) {
        auto m = read_message(message, scratch);
        if (m["subject"].find("D2026H1-S01-A001") == std::string::npos &&
            m["body"].find("D2026H1-S01-A001") == std::string::npos)
            continue;
        if (m["attachments"] != "1" || m["subject"].find("提醒") != std::string::npos)
            continue;
        found = true;
        EXPECT_THAT(m["subject"], HasSubstr("【政府出版品】"));
        EXPECT_THAT(m["body"], HasSubstr("115年7月10日")); // the reply due date in ROC
        EXPECT_THAT(m["body"], HasSubstr("文化部"));
        EXPECT_THAT(m["attachment.filename"], HasSubstr(".xlsx"));
        EXPECT_NE(m["xlsx.sheets"], "");
    }
    EXPECT_TRUE(found) << "the disposal request to 文化部 did not arrive";
}

INSTANTIATE_TEST_SUITE_P(Backends, NoticeYear, ::testing::Values("sqlite", "mariadb"),
                         [](const auto& info) { return info.param; });

} // namespace
} // namespace govpub::test
