// SHA-256 through Poco's SHA2Engine; archiving with POSIX fsync for durability.
#include "adapters/import/file_store.hpp"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <fcntl.h>
#include <fstream>
#include <stdexcept>
#include <unistd.h>
#include <vector>

namespace govpub::adapters::import {

namespace fs = std::filesystem;

std::string sha256_of_file(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + file.string());
    Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
    std::vector<char> buffer(1 << 20);
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        if (in.gcount() > 0)
            engine.update(buffer.data(), static_cast<unsigned>(in.gcount()));
    }
    return Poco::DigestEngine::digestToHex(engine.digest());
}

namespace {

void fsync_path(const fs::path& path, int flags) {
    int fd = ::open(path.c_str(), flags);
    if (fd < 0)
        throw std::runtime_error("cannot open " + path.string() + " to sync it");
    int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0)
        throw std::runtime_error("cannot sync " + path.string() + " to disk");
}

} // namespace

fs::path archive_file(const fs::path& file, const fs::path& archive_dir,
                      const std::string& sha256) {
    fs::path folder = archive_dir / sha256.substr(0, 2);
    fs::path target = folder / sha256;
    if (fs::exists(target) && fs::file_size(target) == fs::file_size(file))
        return target;
    fs::create_directories(folder);
    // A fixed name: the archive is written under the import's write lock, so no two processes
    // write it at once, and a copy left half-written by a killed import is replaced next time.
    fs::path temp = folder / (sha256 + ".tmp");
    fs::copy_file(file, temp, fs::copy_options::overwrite_existing);
    fsync_path(temp, O_RDONLY);
    fs::rename(temp, target);
    fsync_path(folder, O_RDONLY | O_DIRECTORY);
    return target;
}

void write_file_whole(const fs::path& target, const std::string& bytes) {
    fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    fs::create_directories(folder);
    // A fixed name, so that what a killed process left is overwritten by the next writer; the
    // callers (a job's step) never write the same file from two processes at once.
    fs::path temp = target;
    temp += ".tmp";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out.flush())
            throw std::runtime_error("cannot write " + temp.string());
    }
    fsync_path(temp, O_RDONLY);
    fs::rename(temp, target);
    fsync_path(folder, O_RDONLY | O_DIRECTORY);
}

} // namespace govpub::adapters::import
