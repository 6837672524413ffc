# CTest fixture e2e.build_index: builds the index the e2e searches share, from scratch.
# Usage: cmake -DNEWSINDEX=… -DARTICLES=… -DINDEX=… -P build_index.cmake
file(REMOVE_RECURSE "${INDEX}")
execute_process(COMMAND "${NEWSINDEX}" add "${ARTICLES}" --index "${INDEX}" --quiet
                RESULT_VARIABLE status)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "newsindex add ${ARTICLES} exited with ${status}")
endif()
