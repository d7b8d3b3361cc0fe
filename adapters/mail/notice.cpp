// The stored names of the notice types.
#include "adapters/mail/notice.hpp"

#include "domain/errors.hpp"

#include <array>
#include <utility>

namespace govpub::adapters::mail {

namespace {

constexpr std::array<std::pair<NoticeType, std::string_view>, 10> NAMES{{
    {NoticeType::settlement_statement, "settlement_statement"},
    {NoticeType::disposal_request, "disposal_request"},
    {NoticeType::disposal_reminder, "disposal_reminder"},
    {NoticeType::claim, "claim"},
    {NoticeType::check_in_reminder, "check_in_reminder"},
    {NoticeType::service_reminder, "service_reminder"},
    {NoticeType::payment_due, "payment_due"},
    {NoticeType::payment_overdue, "payment_overdue"},
    {NoticeType::licence_expiry, "licence_expiry"},
    {NoticeType::thank_you_letter, "thank_you_letter"},
}};

} // namespace

std::string_view notice_type_name(NoticeType type) {
    for (const auto& [t, name] : NAMES)
        if (t == type)
            return name;
    return "unknown";
}

NoticeType parse_notice_type(std::string_view name) {
    for (const auto& [t, n] : NAMES)
        if (n == name)
            return t;
    throw domain::InvalidValue("notice type", std::string(name), "not a known kind of notice");
}

} // namespace govpub::adapters::mail
