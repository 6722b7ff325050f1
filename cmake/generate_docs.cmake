# Writes what the binary generates from its own command tree into OUT:
#   OUT/completions/shopkeep, _shopkeep, shopkeep.fish   (shopkeep completion bash|zsh|fish)
#   OUT/man/*.1                                          (shopkeep __man)
# Usage: cmake -DSHOPKEEP=path/to/shopkeep -DOUT=dir -P generate_docs.cmake
file(REMOVE_RECURSE ${OUT}/man ${OUT}/completions)
file(MAKE_DIRECTORY ${OUT}/completions)
# The build's own environment must not change what the binary writes.
set(ENV{SHOPKEEP_CONFIG} "")
foreach(pair "bash;shopkeep" "zsh;_shopkeep" "fish;shopkeep.fish")
  list(GET pair 0 shell)
  list(GET pair 1 file)
  execute_process(COMMAND ${SHOPKEEP} completion ${shell} OUTPUT_FILE ${OUT}/completions/${file}
    RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "shopkeep completion ${shell} failed (${rc})")
  endif()
endforeach()
execute_process(COMMAND ${SHOPKEEP} __man ${OUT}/man RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "shopkeep __man failed (${rc})")
endif()
file(TOUCH ${OUT}/stamp)
