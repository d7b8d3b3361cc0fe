// Traditional Chinese sort order (ICU zh-Hant-TW collation) for names in reports (SPEC §5.4).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unicode/uversion.h>

// ICU's namespace carries its version (icu_72), so it is declared through ICU's own macros.
U_NAMESPACE_BEGIN
class Collator;
U_NAMESPACE_END

namespace govpub::reports {

//! Orders UTF-8 text as a Taiwanese reader expects (ICU's zh-Hant-TW rules: by stroke count),
//! not by code point. One per report writer; not shared between threads.
class ZhHantCollator {
  public:
    //! Throws std::runtime_error if ICU cannot open a collator for "zh-Hant-TW".
    ZhHantCollator();
    ~ZhHantCollator();
    ZhHantCollator(const ZhHantCollator&) = delete;
    ZhHantCollator& operator=(const ZhHantCollator&) = delete;

    //! True if `a` sorts before `b`. Invalid UTF-8 compares as U+FFFD.
    bool less(std::string_view a, std::string_view b) const;

    //! Bytes that compare (as std::string, i.e. unsigned bytes) in the same order as less();
    //! worth it when sorting many rows by few distinct names.
    std::string sort_key(std::string_view text) const;

  private:
    std::unique_ptr<icu::Collator> collator_;
};

} // namespace govpub::reports
