// Disposal notices: a store's list of stock past retention sent to the agency for a reply,
// and the reminder when the reply is late (要點11(4)–(5), 6(6), 7; SPEC §4.8, §4.12).
#include "domain/date.hpp"
#include "reports/notice_templates.hpp"

namespace govpub::reports {

namespace {

using domain::to_roc;

const std::string DISPOSAL_RULE =
    "依政府出版品管理要點第十一點第四款規定，展售門市得依第六點政府出版品寄存圖書館保存年限及淘"
    "汰原則，於定期結帳期間造冊送各機關確認，各機關需於一個月內回覆，以利門市辦理政府出版品之"
    "退還、轉贈或銷毀作業";

// The reply codes are printed beside the words so that an agency filling in the Excel list
// writes what the reply import reads.
LetterItem reply_choices() {
    return {"請就清單各筆出版品擇定下列處理方式之一：",
            {"退還（return）：由門市寄還貴機關；依同要點第十一點第五款規定，退還之運費由展售門市"
             "負擔。",
             "轉贈（donate）：請註明受贈之圖書館或民間團體。", "銷毀（destroy）：由門市辦理銷毀。",
             "續售（keep）：留存門市繼續展售。"}};
}

LetterItem last_copy_rule() {
    return {"依同要點第七點規定，貴機關應至少保存一冊（部、件）或電子檔；轉贈或銷毀致貴機關無任何"
            "存本及電子檔者，將不予受理。",
            {}};
}

std::string how_to_reply(const NoticeSender& sender, const std::string& attachment) {
    std::string portal = one_line(sender.portal_url);
    std::string text =
        "請於政府出版品管理系統" + (portal.empty() ? "" : "（" + portal + "）") + "逐筆回覆";
    if (!attachment.empty())
        text += "，或於附件「" + attachment + "」填列處理方式後回傳";
    return text;
}

} // namespace

NoticeText render_disposal_request(const DisposalRequestNotice& notice,
                                   const NoticeSender& sender) {
    const std::string& store = notice.store_name;
    const std::string period = notice.period.empty() ? "" : period_roc_name(notice.period);
    NoticeText text;
    text.title = notice_title(period + "屆期出版品處理清單請回覆（" + store + "／" +
                              notice.agency.name + "）");

    Letter letter{notice.agency, notice.dated, {}, {}, notice.attachment_name};
    std::string list_no = notice.list_no.empty() ? "" : "（清單編號" + notice.list_no + "）";
    letter.subject = "檢送" + store + (period.empty() ? "" : period + "結算期間") +
                     "屆保存年限之貴機關出版品處理清單" + list_no + "計" +
                     std::to_string(notice.rows) + "筆" + std::to_string(notice.copies) +
                     "冊，請於" + to_roc(notice.reply_due) + "前回覆處理方式，請查照。";
    letter.items.push_back({DISPOSAL_RULE + "。", {}});
    letter.items.push_back(reply_choices());
    letter.items.push_back(last_copy_rule());
    letter.items.push_back({how_to_reply(sender, notice.attachment_name) + "；回覆期限為" +
                                to_roc(notice.reply_due) + "，逾期未回覆者，將另行催覆。",
                            {}});
    text.body = render_letter(letter, sender);
    return text;
}

NoticeText render_disposal_reminder(const DisposalReminderNotice& notice,
                                    const NoticeSender& sender) {
    const std::string& store = notice.store_name;
    NoticeText text;
    text.title = notice_title("屆期出版品處理清單逾期未回覆催辦（" + store + "／" +
                              notice.agency.name + "）");

    Letter letter{notice.agency, notice.dated, {}, {}, notice.attachment_name};
    std::string list_no = notice.list_no.empty() ? "" : "（清單編號" + notice.list_no + "）";
    letter.subject = store + "於" + to_roc(notice.original_notice) + "函送之屆期出版品處理清單" +
                     list_no + "，回覆期限" + to_roc(notice.reply_due) + "已屆，尚有" +
                     std::to_string(notice.rows_unanswered) + "筆未回覆，請儘速回覆，請查照。";
    letter.items.push_back({DISPOSAL_RULE + "。", {}});
    letter.items.push_back({"本案原通知日期為" + to_roc(notice.original_notice) + "，回覆期限為" +
                                to_roc(notice.reply_due) + "；截至" + to_roc(notice.dated) +
                                "，清單共" + std::to_string(notice.rows_total) + "筆，尚有" +
                                std::to_string(notice.rows_unanswered) + "筆未回覆。",
                            {}});
    letter.items.push_back(reply_choices());
    letter.items.push_back(last_copy_rule());
    letter.items.push_back({how_to_reply(sender, notice.attachment_name) + "。", {}});
    text.body = render_letter(letter, sender);
    return text;
}

} // namespace govpub::reports
