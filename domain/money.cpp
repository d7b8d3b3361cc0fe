// Checked integer money arithmetic and the largest-remainder split.
#include "domain/money.hpp"

#include "domain/errors.hpp"

#include <algorithm>
#include <numeric>

namespace govpub::domain {

namespace {
// GCC's 128-bit integer holds quantity × price × rate products exactly; __extension__ marks
// the one non-standard type so -Wpedantic stays quiet about a deliberate choice.
__extension__ typedef __int128 Wide;
} // namespace

std::int64_t checked_add(std::int64_t a, std::int64_t b) {
    std::int64_t r = 0;
    if (__builtin_add_overflow(a, b, &r))
        throw InvariantBroken("money overflow: " + std::to_string(a) + " + " + std::to_string(b));
    return r;
}

std::int64_t checked_sub(std::int64_t a, std::int64_t b) {
    std::int64_t r = 0;
    if (__builtin_sub_overflow(a, b, &r))
        throw InvariantBroken("money overflow: " + std::to_string(a) + " - " + std::to_string(b));
    return r;
}

std::int64_t checked_mul(std::int64_t a, std::int64_t b) {
    std::int64_t r = 0;
    if (__builtin_mul_overflow(a, b, &r))
        throw InvariantBroken("money overflow: " + std::to_string(a) + " × " + std::to_string(b));
    return r;
}

std::int64_t ceil_div(std::int64_t numerator, std::int64_t denominator) {
    if (denominator <= 0)
        throw InvariantBroken("ceil_div needs a positive denominator");
    // C++ division truncates toward zero, which is already the ceiling for negatives.
    std::int64_t q = numerator / denominator;
    if (numerator % denominator > 0)
        ++q;
    return q;
}

std::vector<std::int64_t> largest_remainder(std::int64_t total,
                                            const std::vector<std::int64_t>& weights) {
    std::vector<std::int64_t> parts(weights.size(), 0);
    if (weights.empty()) {
        if (total != 0)
            throw InvariantBroken("cannot spread " + std::to_string(total) + " over no lines");
        return parts;
    }
    std::int64_t weight_sum = 0;
    for (auto w : weights)
        weight_sum = checked_add(weight_sum, w);
    if (weight_sum == 0) {
        parts.front() = total;
        return parts;
    }
    // Work with a positive denominator; floor each exact share and hand the rest out one
    // dollar at a time to the largest fractional remainders.
    const bool flip = weight_sum < 0;
    const std::int64_t denom = flip ? -weight_sum : weight_sum;
    std::vector<std::int64_t> remainder(weights.size());
    std::int64_t assigned = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        Wide exact = static_cast<Wide>(total) * (flip ? -weights[i] : weights[i]);
        Wide q = exact / denom;
        Wide r = exact % denom;
        if (r < 0) {
            q -= 1;
            r += denom;
        }
        parts[i] = static_cast<std::int64_t>(q);
        remainder[i] = static_cast<std::int64_t>(r);
        assigned = checked_add(assigned, parts[i]);
    }
    std::int64_t left = checked_sub(total, assigned);
    std::vector<std::size_t> order(weights.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return remainder[a] > remainder[b]; });
    for (std::size_t k = 0; left > 0; ++k, --left)
        parts[order[k % order.size()]] += 1;
    return parts;
}

std::string format_ntd(Ntd amount) {
    // Unsigned negation is defined for every value, INT64_MIN included.
    unsigned long long magnitude = amount < 0 ? 0ULL - static_cast<unsigned long long>(amount)
                                              : static_cast<unsigned long long>(amount);
    std::string digits = std::to_string(magnitude);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out.push_back(',');
        out.push_back(digits[i]);
    }
    return amount < 0 ? "-" + out : out;
}

std::string format_rate_percent(BasisPoints rate) {
    std::string sign = rate < 0 ? "-" : "";
    int v = rate < 0 ? -rate : rate;
    std::string cents = std::to_string(v % 100);
    if (cents.size() < 2)
        cents = "0" + cents;
    return sign + std::to_string(v / 100) + "." + cents;
}

} // namespace govpub::domain
