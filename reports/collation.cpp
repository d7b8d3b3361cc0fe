// Traditional Chinese sort order (ICU zh-Hant-TW collation) for names in reports.
#include "reports/collation.hpp"

#include <stdexcept>
#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/stringpiece.h>
#include <unicode/unistr.h>
#include <vector>

namespace govpub::reports {

ZhHantCollator::ZhHantCollator() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale locale = icu::Locale::forLanguageTag("zh-Hant-TW", status);
    if (U_SUCCESS(status)) {
        // A fallback warning is fine: zh-Hant-TW inherits its rules from zh-Hant.
        collator_.reset(icu::Collator::createInstance(locale, status));
    }
    if (U_FAILURE(status) || !collator_) {
        throw std::runtime_error(std::string("cannot open ICU collator for zh-Hant-TW: ") +
                                 u_errorName(status));
    }
}

ZhHantCollator::~ZhHantCollator() = default;

bool ZhHantCollator::less(std::string_view a, std::string_view b) const {
    UErrorCode status = U_ZERO_ERROR;
    const UCollationResult result =
        collator_->compareUTF8(icu::StringPiece(a.data(), static_cast<int32_t>(a.size())),
                               icu::StringPiece(b.data(), static_cast<int32_t>(b.size())), status);
    if (U_FAILURE(status)) {
        throw std::runtime_error(std::string("ICU collation failed: ") + u_errorName(status));
    }
    return result == UCOL_LESS;
}

std::string ZhHantCollator::sort_key(std::string_view text) const {
    const icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    std::vector<uint8_t> key(64);
    int32_t length = collator_->getSortKey(unicode, key.data(), static_cast<int32_t>(key.size()));
    if (length > static_cast<int32_t>(key.size())) {
        key.resize(static_cast<std::size_t>(length));
        length = collator_->getSortKey(unicode, key.data(), length);
    }
    // ICU counts the terminating zero byte; the key is the bytes before it.
    const auto size = length > 0 ? static_cast<std::size_t>(length - 1) : 0;
    return std::string(reinterpret_cast<const char*>(key.data()), size);
}

} // namespace govpub::reports
