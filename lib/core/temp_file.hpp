#pragma once
// Private temporary files (bulk downloads hold a shop's customers and orders), and the clean-up of
// those a killed run left behind: SIGKILL or a power cut gives a process no chance to remove its
// file, and a first sync's download of a big shop is gigabytes.
#include <chrono>
#include <filesystem>
#include <string>

namespace shopkeep {

// A new empty file in the temporary folder ($TMPDIR, else /tmp) named PREFIX-<six random
// characters>.SUFFIX: mkstemps creates it 0600 (whatever the umask) under a name no one can
// guess, never through a link another user planted there. A runtime error when the folder is
// not writable.
std::filesystem::path private_temp_file(const std::string& prefix, const std::string& suffix);

// Removes the files of the temporary folder named as private_temp_file names them (PREFIX, six
// random characters, SUFFIX) that are regular files of this user and older than `age`, which
// no run still writing could be. Returns how many went; errors are ignored (another run may be
// removing the same file).
int remove_stale_temp_files(const std::string& prefix, const std::string& suffix, std::chrono::hours age);

}  // namespace shopkeep
