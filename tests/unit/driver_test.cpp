// SPDX-License-Identifier: Apache-2.0
// The workspace layer without the binary: the walker (exclude, hidden and linked entries,
// encodings, names), the configuration cache (discovery, problems handed to the reporter, never
// printed), the output guard, and the folder diff over git trees.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "driver/config_cache.h"
#include "driver/files.h"
#include "driver/folder_diff.h"
#include "driver/git.h"
#include "driver/history.h"
#include "driver/output_file.h"

using namespace lmc;
using namespace lmc::driver;
namespace fs = std::filesystem;

namespace {

// A fresh directory, removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "lmc-driver-XXXXXX").string();
    path = ::mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

const std::string kModel =
    "logic_model: 1\ntitle: T\nactivities:\n  - {id: a, label: A, to: [o]}\n"
    "outputs:\n  - {id: o, label: O}\n";

std::vector<std::string> names(const Walk& w, const fs::path& root) {
  std::vector<std::string> out;
  for (const InputFile& f : w.files) out.push_back(f.location.lexically_relative(root).string());
  return out;
}

// A fresh git repository, the current directory while it lives.
struct GitRepo {
  TempDir dir;
  fs::path cwd = fs::current_path();
  GitRepo() {
    fs::current_path(dir.path);
    std::string out, error;
    REQUIRE(run_git({"init", "-q"}, out, error) == 0);
    run_git({"config", "user.email", "t@example.org"}, out, error);
    run_git({"config", "user.name", "T"}, out, error);
  }
  ~GitRepo() { fs::current_path(cwd); }
};

// Captures what is written to std::cout and std::cerr while it lives.
struct Silence {
  std::ostringstream out, err;
  std::streambuf* old_out = std::cout.rdbuf(out.rdbuf());
  std::streambuf* old_err = std::cerr.rdbuf(err.rdbuf());
  ~Silence() {
    std::cout.rdbuf(old_out);
    std::cerr.rdbuf(old_err);
  }
};

}  // namespace

TEST_CASE("the walker: exclude, hidden and linked entries, encodings and names") {
  TempDir t;
  const fs::path& r = t.path;
  write(r / "models/homes.yaml", kModel);
  write(r / "models/Frailty.YAML", kModel);
  write(r / "models/drafts/wip.yaml", kModel);
  write(r / "models/.hidden/secret.yaml", kModel);
  write(r / "models/workflow.yaml", "name: build\non: push\n");
  std::string utf16 = "\xff\xfe";
  for (char c : kModel) utf16 += std::string{c, '\0'};
  write(r / "models/notepad.yaml", utf16);
  fs::create_directory_symlink(r / "models", r / "models/loop");
  LoadedConfig config;
  config.base = r;
  config.exclude = {"models/drafts"};
  Silence quiet;
  const Walk w = walk_models(r / "models", config);
  CHECK(names(w, r / "models") ==
        std::vector<std::string>{"Frailty.YAML", "homes.yaml", "notepad.yaml"});
  CHECK(w.excluded_yaml == 0);  // a folder left out; its files are not counted one by one
  config.exclude = {"models/drafts", "models/*.YAML"};
  const Walk files = walk_models(r / "models", config);
  CHECK(names(files, r / "models") == std::vector<std::string>{"homes.yaml", "notepad.yaml"});
  CHECK(files.excluded_yaml == 1);
  CHECK(w.problems.empty());
  // The directory named is never excluded: naming the drafts checks them.
  CHECK(names(walk_models(r / "models/drafts", config), r / "models/drafts") ==
        std::vector<std::string>{"wip.yaml"});
  CHECK(quiet.out.str().empty());
  CHECK(quiet.err.str().empty());
}

TEST_CASE("the configuration cache: nearest file, problems to the reporter, never printed") {
  TempDir t;
  const fs::path& r = t.path;
  fs::create_directory(r / ".git");  // the repository's root bounds the search
  write(r / ".lmc.yaml", "rules:\n  orphan-output: off\nexclude: [drafts]\n");
  write(r / "broken/.lmc.yaml", "rules:\n  orphan-output: offf\n");
  fs::create_directories(r / "a/b");
  std::vector<ConfigProblem> problems;
  ConfigCache configs([&](const ConfigProblem& p) { problems.push_back(p); });
  Silence quiet;
  const LoadedConfig* found = configs.for_directory(r / "a/b");
  REQUIRE(found);
  CHECK(fs::equivalent(found->base, r));
  CHECK(found->exclude == std::vector<std::string>{"drafts"});
  CHECK(configs.for_directory(r / "broken") == nullptr);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].kind == ConfigProblem::Kind::invalid);
  REQUIRE(!problems[0].diagnostics.empty());
  CHECK(problems[0].diagnostics[0].message.find("offf") != std::string::npos);
  CHECK(problems[0].diagnostics[0].span.line == 2);
  // Once a file: asked again, not reported again.
  CHECK(configs.for_directory(r / "broken") == nullptr);
  CHECK(problems.size() == 1);
  CHECK(configs.files_read().size() == 2);
  CHECK(!configs.force((r / "missing.yaml").string()));
  CHECK(problems.back().kind == ConfigProblem::Kind::unreadable);
  CHECK(quiet.out.str().empty());
  CHECK(quiet.err.str().empty());
}

TEST_CASE("the output guard: an input is never written over; a new file never replaces") {
  TempDir t;
  const fs::path model = t.path / "m.yaml";
  write(model, kModel);
  std::string text, why;
  REQUIRE(read_file(model, text, &why) == ReadError::none);
  CHECK(!write_output((t.path / "." / "m.yaml").string(), "x").empty());
  CHECK(write_output((t.path / "out.svg").string(), "<svg/>").empty());
  CHECK(!write_new_file((t.path / "out.svg").string(), "y").empty());
  std::ifstream in(model);
  std::stringstream kept;
  kept << in.rdbuf();
  CHECK(kept.str() == kModel);
}

TEST_CASE("the folder diff over git trees: a revision, the working tree, a misspelt branch") {
  GitRepo repo;
  const TempDir& t = repo.dir;
  std::string out, error;
  write(t.path / "models/a.yaml", kModel);
  run_git({"add", "-A"}, out, error);
  REQUIRE(run_git({"commit", "-qm", "first"}, out, error) == 0);
  write(t.path / "models/b.yaml", kModel);
  ConfigCache configs(nullptr);
  std::vector<std::string> problems;
  const auto diff = compare_folders("HEAD:models", "models", "2026-01-01", configs, problems);
  REQUIRE(diff);
  CHECK(problems.empty());
  CHECK(diff->added.size() == 1);
  CHECK(diff->added[0].first == "b.yaml");
  CHECK(diff->removed.empty());
  const auto same = compare_folders("HEAD:models", "HEAD:models", "2026-01-01", configs, problems);
  REQUIRE(same);
  CHECK(same->same());
  const auto misspelt = compare_folders("mian:models", "models", "2026-01-01", configs, problems);
  CHECK(!misspelt);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].find("mian") != std::string::npos);
}

TEST_CASE("a model's history: commits newest first, moves followed, theory changes told apart") {
  GitRepo repo;
  const TempDir& t = repo.dir;
  std::string out, error;
  auto commit = [&](const char* subject) {
    run_git({"add", "-A"}, out, error);
    REQUIRE(run_git({"commit", "-qm", subject}, out, error) == 0);
  };
  write(t.path / "a.yaml", kModel);
  commit("first");
  write(t.path / "a.yaml", "# a comment\n" + kModel);
  commit("comment only");
  fs::create_directory(t.path / "m");
  fs::rename(t.path / "a.yaml", t.path / "m/b.yaml");
  commit("moved");
  write(t.path / "m/b.yaml", kModel + "  - {id: o2, label: Another output}\n");
  commit("an output");
  Silence quiet;
  const auto history = model_history("m/b.yaml", error);
  REQUIRE(history);
  REQUIRE(history->size() == 4);
  CHECK((*history)[0].subject == "an output");
  CHECK((*history)[0].theory_changed());
  CHECK((*history)[1].old_path == "a.yaml");
  CHECK((*history)[1].path == "m/b.yaml");
  CHECK(!(*history)[1].theory_changed());
  CHECK(!(*history)[2].theory_changed());
  CHECK((*history)[2].changes.has_value());
  CHECK((*history)[3].theory_changed());  // added: everything in it is new
  CHECK(quiet.out.str().empty());
  CHECK(quiet.err.str().empty());
  std::string why;
  CHECK(!model_history("never-committed.yaml", why));
  CHECK(why.find("no history") != std::string::npos);
}

TEST_CASE("one file under two names is one model, kept under its first name") {
  TempDir t;
  write(t.path / "a.yaml", kModel);
  write(t.path / "b.yaml", kModel);
  fs::create_hard_link(t.path / "a.yaml", t.path / "hard.yaml");
  fs::create_symlink(t.path / "b.yaml", t.path / "soft.yaml");
  std::vector<InputFile> files;
  for (const char* name : {"a.yaml", "b.yaml", "hard.yaml", "soft.yaml", "a.yaml"}) {
    files.push_back(InputFile{name, t.path / name, {}});
  }
  const auto dropped = drop_linked_names(files);
  REQUIRE(files.size() == 2);
  CHECK(files[0].display == "a.yaml");
  CHECK(files[1].display == "b.yaml");
  // The same name twice is dropped without a word; another name is told.
  REQUIRE(dropped.size() == 2);
  CHECK(dropped[0] == std::pair<std::string, std::string>{"hard.yaml", "a.yaml"});
  CHECK(dropped[1] == std::pair<std::string, std::string>{"soft.yaml", "b.yaml"});
}
