using HeloData.Reports.Errors;

namespace HeloData.Reports.Testing.Tests.Support;

/// <summary>Runs a call that must fail with a <see cref="ReportsException"/>, and returns it.</summary>
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
