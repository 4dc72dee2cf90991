
namespace HeloData.Reports.TestSupport;

/// <summary>
/// Runs a call that must fail with a <see cref="ReportsException"/> (or a subclass), and returns it.
/// A task rather than NUnit's blocking <c>Assert.CatchAsync</c>, so a test can start the call, move a
/// fake clock, and only then await the failure.
/// </summary>
internal static class Fails
{
    public static async Task<ReportsException> With(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (ReportsException exception)
        {
            return exception;
        }

        Assert.Fail("expected a ReportsException");
        throw new InvalidOperationException();
    }
}
