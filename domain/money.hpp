// Money as whole New Taiwan dollars in a checked 64-bit integer, rates as basis points.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace govpub::domain {

//! Whole NT$. Government-publication prices and settlements have no cents.
using Ntd = std::int64_t;

//! A payout rate in hundredths of a percent: 60 % is 6000.
using BasisPoints = std::int32_t;

inline constexpr BasisPoints BASIS_POINTS_WHOLE = 10'000;
//! 要點11(3): stores pay at least 60 % of list price.
inline constexpr BasisPoints MINIMUM_PAYOUT_RATE = 6'000;

//! Checked arithmetic: an overflow throws InvariantBroken instead of wrapping.
std::int64_t checked_add(std::int64_t a, std::int64_t b);
std::int64_t checked_sub(std::int64_t a, std::int64_t b);
std::int64_t checked_mul(std::int64_t a, std::int64_t b);

//! ⌈numerator / denominator⌉ toward +∞ for a positive denominator, negatives included.
std::int64_t ceil_div(std::int64_t numerator, std::int64_t denominator);

//! Spreads `total` over parts in proportion to `weights` (the largest-remainder method), so
//! the parts add up to `total` exactly. Ties go to the earlier part. Weights may be
//! negative; an all-zero weight vector gives the whole total to the first part.
std::vector<std::int64_t> largest_remainder(std::int64_t total,
                                            const std::vector<std::int64_t>& weights);

//! "12,345" — thousands separators for people; "-1,200" for negatives.
std::string format_ntd(Ntd amount);

//! "60.00" from 6000; rates are printed with two decimals.
std::string format_rate_percent(BasisPoints rate);

} // namespace govpub::domain
