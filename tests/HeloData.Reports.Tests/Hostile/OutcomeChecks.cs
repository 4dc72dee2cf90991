using HeloData.Reports.Models;

namespace HeloData.Reports.Tests.Hostile;

/// <summary>What a hostile test checks of an outcome: that it came at all, and what a returned model or an exception promises.</summary>
internal static class OutcomeChecks
{
    /// <summary>Whether <paramref name="call"/> ends (either way) within <paramref name="limit"/>; its outcome is left for the caller to read.</summary>
    public static async Task<bool> EndsWithinAsync(Task call, TimeSpan limit)
    {
        try
        {
            await call.WaitAsync(limit);
        }
        catch (TimeoutException) when (!call.IsCompleted)
        {
            return false;
        }
        catch (Exception)
        {
            // The call's own failure: the caller examines it.
        }

        return true;
    }

    /// <summary>The promises of a returned model's nullability annotations that it breaks; empty when it keeps them all.</summary>
    public static List<string> BrokenPromises(object? model)
    {
        var broken = new List<string>();
        switch (model)
        {
            case Report report:
                Check(!string.IsNullOrEmpty(report.Id), $"Report.Id is {Show(report.Id)}");
                Check(report.Name is not null, "Report.Name is null");
                var thrown = Throws(() => ReportUpdate.FromReport(report));
                Check(thrown is null, $"ReportUpdate.FromReport(report) threw {thrown?.GetType().Name}");
                break;
            case ReportRun run:
                Check(!string.IsNullOrEmpty(run.RunId), $"ReportRun.RunId is {Show(run.RunId)}");
                Check(run.Status != default, "ReportRun.Status is default");
                Check(run.Error is null || run.Error.Message is not null, "ReportRun.Error.Message is null");
                break;
            case RunAccepted accepted:
                Check(!string.IsNullOrEmpty(accepted.RunId), $"RunAccepted.RunId is {Show(accepted.RunId)}");
                break;
            case ReportList list:
                Check(list.Reports is not null, "ReportList.Reports is null");
                Check(list.RecentRuns is not null, "ReportList.RecentRuns is null");
                Each(list.Reports, "ReportList.Reports");
                Each(list.RecentRuns, "ReportList.RecentRuns");
                break;
            case List<Report> reports:
                Each(reports, "ListAllReportsAsync");
                break;
        }

        return broken;

        void Check(bool kept, string promise)
        {
            if (!kept)
            {
                broken.Add(promise);
            }
        }

        void Each<T>(IReadOnlyList<T>? items, string what)
        {
            Check(items is null || items.All(item => item is not null), $"{what} holds a null");
            foreach (var item in items?.Where(item => item is not null) ?? [])
            {
                broken.AddRange(BrokenPromises(item));
            }
        }

        static string Show(string? value) => value is null ? "null" : "empty";

        static Exception? Throws(Action action)
        {
            try
            {
                action();
                return null;
            }
            catch (Exception exception)
            {
                return exception;
            }
        }
    }

    /// <summary>
    /// The control characters in an exception's message, as <c>U+XXXX</c>. A message is logged and
    /// shown: a raw line break or escape sequence from a server would forge or garble log lines.
    /// </summary>
    public static List<string> Unprintable(Exception exception) =>
        exception.Message.Where(IsUnprintable).Select(c => $"U+{(int)c:X4}").Distinct().ToList();

    /// <summary>Type, message (escaped, cut to a readable length) and innermost cause of an exception.</summary>
    public static string Describe(Exception exception)
    {
        var inner = exception;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        var text = $"{exception.GetType().Name}: {Escape(exception.Message)}";
        return inner == exception ? text : $"{text} [inner {inner.GetType().Name}: {Escape(inner.Message)}]";
    }

    // U+2028 and U+2029 end a line as surely as \n does in many log viewers.
    private static bool IsUnprintable(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';

    private static string Escape(string text)
    {
        var escaped = string.Concat(text.Take(300).Select(c => IsUnprintable(c) ? $"\\u{(int)c:x4}" : c.ToString()));
        return text.Length > 300 ? escaped + "…" : escaped;
    }
}
