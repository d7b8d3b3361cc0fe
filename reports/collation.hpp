// Traditional Chinese sort order (ICU zh-Hant-TW collation) for names in reports (SPEC §5.4).
#pragma once

#include <algorithm>
#include <cstddef>
#include <memory>
#include <numeric>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>
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

//! Sort keys computed once per distinct name: 100 000 rows of a report name only a few hundred
//! stores, agencies and libraries.
class SortKeys {
  public:
    explicit SortKeys(const ZhHantCollator& collator) : collator_(collator) {}
    const std::string& of(const std::string& name) {
        auto found = keys_.find(name);
        if (found == keys_.end())
            found = keys_.emplace(name, collator_.sort_key(name)).first;
        return found->second;
    }

  private:
    const ZhHantCollator& collator_;
    std::unordered_map<std::string, std::string> keys_;
};

//! The indices of `rows` in the order of `key(row)` (a tuple, compared as a tuple), equal keys
//! kept in their first order; the rows themselves stay where they are.
template <typename RowT, typename KeyOf>
std::vector<std::size_t> sorted_order(const std::vector<RowT>& rows, KeyOf key) {
    std::vector<std::size_t> order(rows.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return key(rows[a]) < key(rows[b]); });
    return order;
}

} // namespace govpub::reports
