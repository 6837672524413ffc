#pragma once

/// Umbrella header: the whole public API of the newsq library.

#include <newsq/analysis.hpp>
#include <newsq/article.hpp>
#include <newsq/dedup.hpp>
#include <newsq/error.hpp>
#include <newsq/index.hpp>
#include <newsq/maintenance.hpp>
#include <newsq/reader.hpp>
#include <newsq/replica.hpp>
#include <newsq/schema.hpp>
#include <newsq/search.hpp>
