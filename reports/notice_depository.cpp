// Depository notices: claims to agencies for what a library is missing, and the check-in and
// service reminders to libraries (要點6(1)–(2), 6(4); SPEC §4.9, §4.12).
#include "domain/date.hpp"
#include "reports/notice_templates.hpp"

namespace govpub::reports {

namespace {

using domain::to_roc;

std::string publication(const std::string& gpn, const std::string& title) {
    return "GPN " + gpn + "《" + title + "》";
}

const std::string CHECK_IN_RULE =
    "依政府出版品管理要點第六點第二款規定，寄存圖書館應自收到各機關分送之政府出版品一個月內於政"
    "府出版品資訊網辦理點收，點收後二個月內提供服務；但連續性出版品僅於首次收到時辦理點收";

} // namespace

NoticeText render_claim(const ClaimNotice& notice, const NoticeSender& sender) {
    const std::string& library = notice.library_name;
    NoticeText text;
    text.title = notice_title("寄存出版品索取通知（" + library + "／" + notice.agency.name + "）");

    std::int64_t copies = 0;
    bool any_optional = false;
    LetterItem rows{"請分送下列出版品至" + library + "：", {}};
    for (const auto& row : notice.rows) {
        copies = domain::checked_add(copies, row.copies);
        std::string note;
        if (row.published)
            note = "出版日期" + to_roc(*row.published);
        if (row.optional) {
            any_optional = true;
            note += (note.empty() ? "" : "；") + std::string("逾出版日期一年，得不予提供");
        }
        rows.sub_items.push_back(publication(row.gpn, row.title) + std::to_string(row.copies) +
                                 "冊" + (note.empty() ? "" : "（" + note + "）") + "。");
    }

    Letter letter{notice.agency, notice.dated, {}, {}, {}};
    std::string checked = notice.quarter.empty()
                              ? "經檢查收受情形"
                              : "經" + quarter_roc_name(notice.quarter) + "收受情形檢查";
    letter.subject = library + checked + "，尚未收到貴機關出版品" +
                     std::to_string(notice.rows.size()) + "種" + std::to_string(copies) +
                     "冊，請於" + to_roc(notice.due) + "前完成分送，請查照。";
    letter.items.push_back(
        {"依政府出版品管理要點第六點第四款規定，寄存圖書館應每三個月檢查政府出版品收受情形，並自"
         "行洽出版機關索取應寄存之政府出版品，出版機關應於一個月內完成分送；本通知之分送期限為" +
             to_roc(notice.due) + "。",
         {}});
    letter.items.push_back(std::move(rows));
    if (any_optional)
        letter.items.push_back(
            {"上列註明「得不予提供」者，依同款後段規定，索取之出版品逾出版日期一年者，出版機關得"
             "不予提供；如不提供，請告知聯絡窗口。",
             {}});
    letter.items.push_back(
        {"如已寄送，請將寄送日期告知聯絡窗口，以利" + library + "辦理點收。", {}});
    text.body = render_letter(letter, sender);
    return text;
}

NoticeText render_check_in_reminder(const CheckInReminderNotice& notice,
                                    const NoticeSender& sender) {
    NoticeText text;
    text.title = notice_title("寄存出版品逾期未點收提醒（" + notice.library.name + "）");

    Letter letter{notice.library, notice.dated, {}, {}, {}};
    letter.subject = "貴館收到之政府出版品計" + std::to_string(notice.rows.size()) +
                     "種已逾點收期限，請儘速於政府出版品資訊網辦理點收，請查照。";
    letter.items.push_back({CHECK_IN_RULE + "。", {}});
    LetterItem rows{"截至" + to_roc(notice.dated) + "逾期未點收之出版品如下：", {}};
    for (const auto& row : notice.rows)
        rows.sub_items.push_back(publication(row.gpn, row.title) + "：收到日期" +
                                 to_roc(row.received) + "，點收期限" + to_roc(row.check_in_due) +
                                 "。");
    letter.items.push_back(std::move(rows));
    letter.items.push_back({"點收後請於二個月內提供服務；如已點收，請於政府出版品資訊網確認點收"
                            "紀錄，並請忽略本通知。",
                            {}});
    text.body = render_letter(letter, sender);
    return text;
}

NoticeText render_service_reminder(const ServiceReminderNotice& notice,
                                   const NoticeSender& sender) {
    NoticeText text;
    text.title = notice_title("寄存出版品逾期未提供服務提醒（" + notice.library.name + "）");

    Letter letter{notice.library, notice.dated, {}, {}, {}};
    letter.subject = "貴館已點收之政府出版品計" + std::to_string(notice.rows.size()) +
                     "種已逾提供服務期限，請儘速提供服務，請查照。";
    letter.items.push_back({CHECK_IN_RULE + "。依同點第一款規定，服務包括閱覽、參考諮詢、資訊檢"
                                            "索、館際合作及其他服務。",
                            {}});
    LetterItem rows{"截至" + to_roc(notice.dated) + "逾期未提供服務之出版品如下：", {}};
    for (const auto& row : notice.rows)
        rows.sub_items.push_back(publication(row.gpn, row.title) + "：收到日期" +
                                 to_roc(row.received) + "，點收日期" + to_roc(row.checked_in) +
                                 "，服務期限" + to_roc(row.service_due) + "。");
    letter.items.push_back(std::move(rows));
    letter.items.push_back({"如已提供服務，請於政府出版品資訊網更新紀錄，並請忽略本通知。", {}});
    text.body = render_letter(letter, sender);
    return text;
}

} // namespace govpub::reports
