using System.Reflection;
using HeloData.Reports.Models;

namespace HeloData.Reports.Tests.Models;

/// <summary>The known error codes as constants, so a <c>switch</c> over a failure's code compiles.</summary>
public sealed class ErrorCodeValuesTests
{
    [TestCase("invalid_cron", "fix the schedule")]
    [TestCase("rate_limited", "later")]
    [TestCase("geo_blocked", "something else")]
    public void A_switch_statement_on_the_code_compiles_and_matches(string wire, string expected)
    {
        var failure = new ReportsException("it failed", new ReportsErrorCode(wire));

        string advice;
        switch (failure.ErrorCode.ToString())
        {
            case ReportsErrorCode.Values.InvalidCron:
                advice = "fix the schedule";
                break;
            case ReportsErrorCode.Values.RateLimited:
                advice = "later";
                break;
            default:
                advice = "something else";
                break;
        }

        Assert.That(advice, Is.EqualTo(expected));
    }

    [Test]
    public void A_switch_expression_on_the_code_compiles_and_matches()
    {
        static bool FixTheRequest(ReportsErrorCode code) => code.ToString() switch
        {
            ReportsErrorCode.Values.InvalidCron or ReportsErrorCode.Values.ValidationFailed or ReportsErrorCode.Values.DestinationUnreachable => true,
            _ => false,
        };

        Assert.That(FixTheRequest(ReportsErrorCode.InvalidCron), Is.True);
        Assert.That(FixTheRequest(ReportsErrorCode.InternalError), Is.False);
    }

    [Test]
    public void Every_listed_code_has_its_constant_with_the_same_wire_value_and_no_constant_is_extra()
    {
        var codes = typeof(ReportsErrorCode).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .ToDictionary(property => property.Name, property => property.GetValue(null)!.ToString());
        var constants = typeof(ReportsErrorCode.Values).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral)
            .ToDictionary(field => field.Name, field => (string?)field.GetRawConstantValue());

        Assert.That(constants, Is.EquivalentTo(codes));
    }
}
