// Uploaded files: their SHA-256 identity and the content-addressed archive that keeps them.
#pragma once

#include <filesystem>
#include <string>

namespace govpub::adapters::import {

//! Lower-case hex SHA-256 of a file's bytes, read in chunks.
std::string sha256_of_file(const std::filesystem::path& file);

//! Copies `file` to `archive_dir/ab/abcdef…` (its hash), through a temporary name, fsync and
//! rename, so that an acknowledged upload is on disk before the import commits. An existing
//! copy is kept (same hash, same bytes). Returns the archived path.
std::filesystem::path archive_file(const std::filesystem::path& file,
                                   const std::filesystem::path& archive_dir,
                                   const std::string& sha256);

//! Writes `bytes` to `target` through a temporary name beside it, fsync and rename: a reader
//! (or a process killed half-way) sees the old file or the whole new one, never a part.
void write_file_whole(const std::filesystem::path& target, const std::string& bytes);

} // namespace govpub::adapters::import
