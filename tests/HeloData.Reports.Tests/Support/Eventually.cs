namespace HeloData.Reports.Tests.Support;

/// <summary>Waits (in real time, briefly) for something another thread does.</summary>
internal static class Eventually
{
    public static async Task That(Func<bool> condition, int timeoutMilliseconds = 5000)
    {
        var deadline = Environment.TickCount64 + timeoutMilliseconds;
        while (!condition())
        {
            if (Environment.TickCount64 > deadline)
            {
                Assert.Fail("condition not met in time");
            }

            await Task.Delay(10);
        }
    }
}
