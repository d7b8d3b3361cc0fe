// Settlement notices: the statement to the agency, what the store must pay, and the payment
// reminders before and after the due date (要點11(3), 附件一 註三; SPEC §4.6, §4.12).
#include "domain/date.hpp"
#include "reports/notice_templates.hpp"

#include <algorithm>

namespace govpub::reports {

namespace {

using domain::to_roc;

const std::string PAYMENT_RULE =
    "依政府出版品管理要點第十一點第三款及附件一註三規定，展售門市依實際銷售數量辦理結帳，以不"
    "低於定價百分之六十為原則結付帳款，並於約定期限內結清帳款";

std::string period_span(const std::string& period, domain::Date from, domain::Date to) {
    return period_roc_name(period) + "（" + to_roc(from) + "至" + to_roc(to) + "）";
}

std::string rates_text(const std::vector<domain::BasisPoints>& rates) {
    std::string out;
    for (auto rate : rates)
        out += (out.empty() ? "" : "、") + domain::format_rate_percent(rate) + "%";
    return out.empty() ? "依合約" : "定價之" + out;
}

domain::Ntd total_due(const std::vector<PaymentRow>& rows) {
    domain::Ntd total = 0;
    for (const auto& row : rows)
        total = domain::checked_add(total, row.amount_due);
    return total;
}

domain::Date earliest_due(const std::vector<PaymentRow>& rows) {
    domain::Date earliest = rows.empty() ? domain::Date{} : rows.front().due_date;
    for (const auto& row : rows)
        earliest = std::min(earliest, row.due_date);
    return earliest;
}

std::string payment_row_text(const PaymentRow& row) {
    return row.agency_name + " " + period_roc_name(row.period) + "結算款：" +
           ntd_text(row.amount_due) + "，付款期限" + to_roc(row.due_date);
}

} // namespace

NoticeText render_settlement_statement(const SettlementStatementNotice& notice,
                                       const NoticeSender& sender) {
    const std::string period = period_roc_name(notice.period);
    const std::string& store = notice.store_name;
    NoticeText text;
    text.title = notice_title(period + "寄售結算單（" + store + "／" + notice.agency.name + "）");

    Letter letter{notice.agency, notice.settled_on, {}, {}, notice.attachment_name};
    letter.subject = "檢送" + store +
                     period_span(notice.period, notice.period_from, notice.period_to) +
                     "政府出版品寄售結算單1份，" +
                     (notice.amount_due > 0 ? "本期應結付貴機關" + ntd_text(notice.amount_due)
                                            : std::string("本期無應結付貴機關之款項")) +
                     "，請查照。";
    letter.items.push_back(
        {PAYMENT_RULE + "；本期結算日為" + to_roc(notice.settled_on) + "。", {}});

    LetterItem amounts{"本期結算內容如下：", {}};
    amounts.sub_items = {
        "銷售定價合計：" + ntd_text(notice.list_value) + "。",
        "結付比率：" + rates_text(notice.rates_bp) + "。",
        "結付金額：" + ntd_text(notice.payable) + "。",
        "代售酬金：" + ntd_text(notice.commission) + "。",
        "上期結轉扣抵：" +
            (notice.carried_in < 0 ? ntd_text(-notice.carried_in) : std::string("無")) + "。",
        "本期應結付金額：" + ntd_text(notice.amount_due) + "。",
    };
    if (notice.carried_out < 0)
        amounts.sub_items.push_back(
            "結轉下期扣抵：" + ntd_text(-notice.carried_out) +
            "（本期退書沖銷多於銷售，差額不向貴機關收回，於下期結算扣抵）。");
    letter.items.push_back(std::move(amounts));

    if (notice.amount_due > 0)
        letter.items.push_back(
            {"上開款項由" + store + "於" + to_roc(notice.due_date) + "前結付貴機關。", {}});
    else
        letter.items.push_back({"本期無須結付款項。", {}});
    if (!notice.attachment_name.empty())
        letter.items.push_back(
            {"結算明細詳如附件「" + notice.attachment_name + "」，請核對；如有疑義，請洽聯絡窗口。",
             {}});
    text.body = render_letter(letter, sender);
    return text;
}

NoticeText render_store_settlement(const StoreSettlementNotice& notice,
                                   const NoticeSender& sender) {
    const std::string period = period_roc_name(notice.period);
    const std::string& store = notice.store.name;
    NoticeText text;
    std::string who = store;
    if (notice.payments.size() == 1)
        who += "／" + notice.payments.front().agency_name;
    text.title = notice_title(period + "寄售結算應付帳款通知（" + who + "）");

    domain::Ntd total = 0;
    std::vector<const StorePaymentRow*> payees;
    LetterItem rows{"本期應結付款項如下：", {}};
    for (const auto& row : notice.payments) {
        total = domain::checked_add(total, row.amount_due);
        if (row.amount_due > 0) {
            payees.push_back(&row);
            rows.sub_items.push_back(row.agency_name + "：" + ntd_text(row.amount_due) + "，請於" +
                                     to_roc(row.due_date) + "前結付。");
        } else {
            std::string carried =
                row.carried_out < 0 ? "，結轉下期扣抵" + ntd_text(-row.carried_out) : std::string();
            rows.sub_items.push_back(row.agency_name + "：本期無須結付" + carried + "。");
        }
    }

    Letter letter{notice.store, notice.settled_on, {}, {}, notice.attachment_name};
    letter.subject =
        store + period_span(notice.period, notice.period_from, notice.period_to) +
        "政府出版品寄售結算，" +
        (payees.empty() ? std::string("本期無應結付款項")
         : payees.size() == 1
             ? "應結付" + payees.front()->agency_name + ntd_text(payees.front()->amount_due) +
                   "，請於" + to_roc(payees.front()->due_date) + "前結清"
             : "應結付" + std::to_string(payees.size()) + "個出版機關共" + ntd_text(total) +
                   "，請依各付款期限結清") +
        "，請查照。";
    letter.items.push_back({PAYMENT_RULE + "。", {}});
    letter.items.push_back(std::move(rows));
    if (!payees.empty())
        letter.items.push_back(
            {"付款時請註明結算期別（" + period + "）及出版機關名稱，以利對帳。", {}});
    if (!notice.attachment_name.empty())
        letter.items.push_back({"結算明細詳如附件「" + notice.attachment_name + "」。", {}});
    text.body = render_letter(letter, sender);
    return text;
}

NoticeText render_payment_due(const PaymentNotice& notice, const NoticeSender& sender) {
    const std::string& store = notice.store.name;
    const domain::Date earliest = earliest_due(notice.payments);
    NoticeText text;
    text.title = notice_title("寄售帳款付款提醒（" + store + "，" + to_roc(earliest) + "到期）");

    Letter letter{notice.store, notice.dated, {}, {}, {}};
    letter.subject = store + "應結付之政府出版品寄售帳款計" + ntd_text(total_due(notice.payments)) +
                     (notice.payments.size() == 1 ? "，付款期限為" : "，最早之付款期限為") +
                     to_roc(earliest) + "，請依限結付，請查照。";
    letter.items.push_back({PAYMENT_RULE + "。", {}});
    LetterItem rows{"待結付款項如下：", {}};
    for (const auto& row : notice.payments)
        rows.sub_items.push_back(payment_row_text(row) + "。");
    letter.items.push_back(std::move(rows));
    letter.items.push_back(
        {"如已完成付款，請將付款日期告知聯絡窗口以利對帳，並請忽略本通知。", {}});
    text.body = render_letter(letter, sender);
    return text;
}

NoticeText render_payment_overdue(const PaymentNotice& notice, const NoticeSender& sender) {
    const std::string& store = notice.store.name;
    NoticeText text;
    text.title = notice_title("寄售帳款逾期未付通知（" + store + "）");

    Letter letter{notice.store, notice.dated, {}, {}, {}};
    letter.subject = store + "應結付之政府出版品寄售帳款計" + ntd_text(total_due(notice.payments)) +
                     "已逾付款期限，請儘速結付，請查照。";
    letter.items.push_back({PAYMENT_RULE + "。", {}});
    LetterItem rows{"截至" + to_roc(notice.dated) + "逾期未付款項如下：", {}};
    for (const auto& row : notice.payments) {
        int late = domain::days_between(row.due_date, notice.dated);
        std::string late_text = late > 0 ? "，已逾期" + std::to_string(late) + "日" : "";
        rows.sub_items.push_back(payment_row_text(row) + late_text + "。");
    }
    letter.items.push_back(std::move(rows));
    letter.items.push_back(
        {"請於文到後儘速結付，並將付款日期告知聯絡窗口；如已付款，請提供付款資料以利對帳。", {}});
    text.body = render_letter(letter, sender);
    return text;
}

} // namespace govpub::reports
