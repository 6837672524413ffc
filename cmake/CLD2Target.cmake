# Debian's CLD2 (libcld2-dev, Google's Compact Language Detector 2) ships neither a CMake
# config nor a pkg-config file; give its users an imported target.
if(NOT TARGET CLD2::CLD2)
    find_library(CLD2_LIBRARY cld2 REQUIRED)
    find_path(CLD2_INCLUDE_DIR cld2/public/compact_lang_det.h REQUIRED)
    add_library(CLD2::CLD2 UNKNOWN IMPORTED)
    set_target_properties(CLD2::CLD2 PROPERTIES
        IMPORTED_LOCATION "${CLD2_LIBRARY}"
        INTERFACE_INCLUDE_DIRECTORIES "${CLD2_INCLUDE_DIR}")
endif()
