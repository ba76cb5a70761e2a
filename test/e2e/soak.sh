#!/usr/bin/env bash
# Proves the end-to-end suite deterministic: runs it several times in a row while every core is kept
# busy by a CPU burner (`node -e "for(;;){}"`), so that any test that depends on timing shows up.
#
#   npm run test:e2e:soak                 # 5 runs of `npm run test:e2e` under load
#   KAM_SOAK_RUNS=10 KAM_SOAK_SCRIPT=test:e2e:vsix npm run test:e2e:soak
#
# Environment: KAM_SOAK_RUNS (default 5), KAM_SOAK_BURNERS (default: one per core, from nproc),
# KAM_SOAK_SCRIPT (the npm script to repeat, default test:e2e; the e2e options such as KAM_E2E_DIR
# apply). Each run's output is kept in test-output/e2e-soak/run-N.log, its logs and screenshots in
# test-output/e2e-soak/run-N/. Ends with "soak: N of N runs green" and one "N passed, N failed" over
# all runs; exits non-zero when any run failed. The burners are stopped on exit, also on Ctrl-C.
set -uo pipefail

main() {
    cd "$(dirname "${BASH_SOURCE[0]}")/../.." || exit 1
    local runs="${KAM_SOAK_RUNS:-5}" burners="${KAM_SOAK_BURNERS:-$(nproc)}" script="${KAM_SOAK_SCRIPT:-test:e2e}"
    local logs="test-output/e2e-soak"
    rm -rf "$logs" && mkdir -p "$logs"

    # `node` here is the project's pinned Node when run through npm; any Node burns a core.
    for _ in $(seq "$burners"); do
        node -e 'for(;;){}' &
        burner_pids+=("$!")
    done
    echo "soak: $burners CPU burner(s) running (pids ${burner_pids[*]}); $runs runs of npm run $script"

    local green=0 passed=0 failed=0 run log start status line verdict
    for run in $(seq "$runs"); do
        log="$logs/run-$run.log"
        start=$(date +%s)
        npm run --silent "$script" >"$log" 2>&1
        status=$?
        line="$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)"
        if [[ "$line" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed ]]; then
            passed=$((passed + BASH_REMATCH[1]))
            failed=$((failed + BASH_REMATCH[2]))
            # A run that broke after its tests counts as a failure, as in npm test.
            [ "$status" -ne 0 ] && [ "${BASH_REMATCH[2]}" -eq 0 ] && failed=$((failed + 1))
        else
            line="no result line"
            failed=$((failed + 1))
        fi
        if [ "$status" -eq 0 ]; then green=$((green + 1)); verdict=green; else verdict="RED (exit $status)"; fi
        # The run's own logs and screenshots (the next run overwrites test-output/e2e).
        cp -r test-output/e2e "$logs/run-$run" 2>/dev/null
        echo "soak: run $run/$runs $verdict: $line ($(( $(date +%s) - start )) s, $log)"
    done

    stop_burners
    echo "soak: $green of $runs runs green"
    echo "$passed passed, $failed failed"
    [ "$green" -eq "$runs" ]
}

burner_pids=()
stop_burners() {
    for pid in "${burner_pids[@]}"; do kill "$pid" 2>/dev/null; done
    burner_pids=()
}
trap stop_burners EXIT
trap 'stop_burners; exit 130' INT TERM

# The whole script is read before it runs (main is called last), so editing it mid-soak is safe.
main "$@"
exit $?
