# newsq_embed(OUTPUT file.cpp COMMENT text FILES a.txt b.txt…): a rule writing file.cpp, which
# defines one std::string_view per file with its bytes (see EmbedFiles.cmake), rerun when a
# file changes. FILES are relative to the calling directory.
set(NEWSQ_EMBED_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/EmbedFiles.cmake)

function(newsq_embed)
    cmake_parse_arguments(PARSE_ARGV 0 arg "" "OUTPUT;COMMENT" "FILES")
    list(TRANSFORM arg_FILES PREPEND ${CMAKE_CURRENT_SOURCE_DIR}/)
    add_custom_command(
        OUTPUT ${arg_OUTPUT}
        COMMAND ${CMAKE_COMMAND} "-DOUTPUT=${arg_OUTPUT}" "-DINPUTS=${arg_FILES}"
                -P ${NEWSQ_EMBED_SCRIPT}
        DEPENDS ${arg_FILES} ${NEWSQ_EMBED_SCRIPT}
        COMMENT "${arg_COMMENT}"
        VERBATIM)
endfunction()
