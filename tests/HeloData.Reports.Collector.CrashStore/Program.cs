// The collector process SqliteStoreKillTests kills with kill -9: on the store at args[0], under the instance name
// "crash-test-collector", three workers claim each of the runs run_000 .. run_{args[2]-1} (with a lease of an hour, so
// only a restart's release can free a dead life's claim in time), call two handlers not yet recorded as finished,
// record each, and complete the run, until every run is collected. Each step is appended to the log at args[1] before
// and after its call, written through at once (what a kill -9 cannot take back), so the test can tell what each life
// did. With args[3] = N and args[4] = first | second | complete, the worker that makes this life's Nth claim stops with
// that claim held, at the named point (inside the first handler, inside the second, or both recorded and the run not
// completed; the first of them still ahead for a run whose handlers an earlier life finished), logs "holding", and
// every other worker stops before its next step and logs "stopped": once all three are still, the test kills the
// process, so the log holds every call the store answered.
using HeloData.Reports.Collector;

var lease = TimeSpan.FromHours(1);
string[] handlers = ["first", "second"];
string[] points = [.. handlers, "complete"];
var holdAtClaim = args.Length > 4 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 0;
var holdAt = args.Length > 4 ? Array.IndexOf(points, args[4]) : -1;
var claims = 0;
var holding = false;
var runs = Enumerable.Range(0, int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture)).Select(i => $"run_{i:000}").ToArray();
using var log = new StreamWriter(new FileStream(args[1], FileMode.Append, FileAccess.Write, FileShare.ReadWrite, bufferSize: 1)) { AutoFlush = true };
await using var store = new SqliteCollectorStateStore(args[0], "crash-test-collector", TimeProvider.System);
await store.StartAsync(CancellationToken.None);
Log("started");

await Task.WhenAll(Enumerable.Range(0, 3).Select(worker => Task.Run(() => WorkAsync(worker))));
Log("done");

async Task WorkAsync(int worker)
{
    // Each worker walks the runs from its own offset, so the workers contend for some runs and not for others.
    while (true)
    {
        var settled = await store.FindSettledAsync(runs, CancellationToken.None);
        var open = runs.Skip(worker * 7).Concat(runs.Take(worker * 7)).Where(run => !settled.Contains(run)).ToList();
        if (open.Count == 0)
        {
            return;
        }

        foreach (var run in open)
        {
            await StopIfHoldingAsync();
            Log($"claiming {run}");
            var claim = await store.TryClaimAsync(new RunRecord { RunId = run, ReportId = "rep_crash", From = new DateOnly(2026, 5, 1), To = new DateOnly(2026, 5, 1) }, lease, CancellationToken.None);
            if (claim.Status != RunClaimStatus.Claimed)
            {
                Log($"skipped {run} {claim.Status}");
                continue;
            }

            Log($"claimed {run} attempt={claim.Attempt} may={claim.MayHaveBeenHandled} finished={string.Join('+', claim.FinishedHandlers.Order(StringComparer.Ordinal))}");
            var holdHere = Interlocked.Increment(ref claims) == holdAtClaim;
            foreach (var handler in handlers.Except(claim.FinishedHandlers))
            {
                await StopIfHoldingAsync();
                Log($"handling {run} {handler}");
                if (holdHere && Array.IndexOf(points, handler) >= holdAt)
                {
                    await HoldAsync(run, handler);
                }

                await Task.Delay(Random.Shared.Next(5, 40));
                if (!await store.RecordHandlerFinishedAsync(run, handler, CancellationToken.None))
                {
                    throw new InvalidOperationException($"{run}: the claim was lost");
                }

                Log($"finished {run} {handler}");
            }

            await StopIfHoldingAsync();
            if (holdHere)
            {
                await HoldAsync(run, "complete");
            }

            await store.CompleteAsync(run, CancellationToken.None);
            Log($"completed {run}");
        }
    }
}

// Never returns: the claim stays held until the test kills the process.
async Task HoldAsync(string run, string point)
{
    Volatile.Write(ref holding, true);
    Log($"holding {run} at {point}");
    await Task.Delay(Timeout.Infinite);
}

async Task StopIfHoldingAsync()
{
    if (Volatile.Read(ref holding))
    {
        Log("stopped");
        await Task.Delay(Timeout.Infinite);
    }
}

void Log(string line)
{
    lock (log)
    {
        log.WriteLine(line);
    }
}
