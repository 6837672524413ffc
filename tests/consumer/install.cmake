# CTest consumer.install: installs the build into PREFIX from scratch, and drops the consumer's
# old build, so nothing left by an earlier run can make the consumer tests pass.
# Usage: cmake -DBUILD=… -DPREFIX=… -DCONSUMER_BUILD=… -P install.cmake
file(REMOVE_RECURSE "${PREFIX}" "${CONSUMER_BUILD}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD}" --prefix "${PREFIX}"
                COMMAND_ERROR_IS_FATAL ANY)
