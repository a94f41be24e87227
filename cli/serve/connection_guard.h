// SPDX-License-Identifier: Apache-2.0
// Limits on what one request may send lmc serve before the HTTP library reads it, and the
// connection the calling thread serves (see connection_guard.cpp).
#pragma once

#include <cstddef>

namespace lmc::cli::serve {

/// A request's head (request line and header lines): larger, or longer, is refused with 431.
inline constexpr std::size_t kMaxHead = 64 * 1024;
inline constexpr std::size_t kMaxHeaderLines = 100;

/// The socket of the request this thread is answering, or -1: an event stream polls it to
/// notice at once that its browser has gone.
int current_connection();

}  // namespace lmc::cli::serve
