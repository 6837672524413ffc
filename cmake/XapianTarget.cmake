# Debian's Xapian CMake config sets variables only; give consumers an imported target.
if(NOT TARGET Xapian::Xapian)
    find_package(xapian REQUIRED CONFIG)
    add_library(Xapian::Xapian UNKNOWN IMPORTED)
    set_target_properties(Xapian::Xapian PROPERTIES
        IMPORTED_LOCATION "${XAPIAN_LIBRARIES}"
        INTERFACE_INCLUDE_DIRECTORIES "${XAPIAN_INCLUDE_DIR}")
endif()
