# CTest fixture e2e.build_index: builds the index the e2e searches share, from scratch.
# Usage: cmake -DNEWSINDEX=… -DARTICLES=… -DINDEX=… [-DSHARDS=N] -P build_index.cmake
if(NOT DEFINED SHARDS)
    set(SHARDS 1)
endif()
file(REMOVE_RECURSE "${INDEX}")
execute_process(COMMAND "${NEWSINDEX}" add "${ARTICLES}" --index "${INDEX}" --shards ${SHARDS}
                        --quiet
                RESULT_VARIABLE status)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "newsindex add ${ARTICLES} exited with ${status}")
endif()
