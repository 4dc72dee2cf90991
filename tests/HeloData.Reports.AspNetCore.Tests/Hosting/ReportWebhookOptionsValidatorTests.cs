using HeloData.Reports.AspNetCore.Tests.Support;

namespace HeloData.Reports.AspNetCore.Tests.Hosting;

/// <summary>Settings the endpoint cannot work with are refused at start-up, each named, no secret shown.</summary>
public sealed class ReportWebhookOptionsValidatorTests
{
    [TestCase(" ")]
    [TestCase("\t")]
    [TestCase("   \r\n")]
    public void A_white_space_secret_is_refused(string secret)
    {
        var result = Validate(o => o.SigningSecrets = [Deliveries.Secret, secret]);

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain("#2").And.Contain("white space"));
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void MaxConcurrentDeliveries_must_be_positive(int value)
    {
        var result = Validate(o => o.MaxConcurrentDeliveries = value);

        Assert.That(result.FailureMessage, Does.Contain(nameof(ReportWebhookOptions.MaxConcurrentDeliveries)));
    }

    [Test]
    public void A_blank_TemporaryDirectory_is_refused_and_null_means_the_system_temp_folder()
    {
        Assert.That(Validate(o => o.TemporaryDirectory = " ").FailureMessage, Does.Contain(nameof(ReportWebhookOptions.TemporaryDirectory)));
        Assert.That(Validate(o => o.TemporaryDirectory = null).Succeeded, Is.True);
    }

    [Test]
    public void The_defaults_bound_what_unverified_senders_hold_to_1_GiB()
    {
        var options = new ReportWebhookOptions();

        Assert.That(options.MaxDeliveryBytes, Is.EqualTo(256L * 1024 * 1024));
        Assert.That(options.MaxConcurrentDeliveries, Is.EqualTo(4));
        Assert.That(options.MaxDeliveryBytes * options.MaxConcurrentDeliveries, Is.EqualTo(1L << 30));
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(Action<ReportWebhookOptions> change)
    {
        var options = new ReportWebhookOptions { SigningSecrets = [Deliveries.Secret] };
        change(options);
        return new ReportWebhookOptionsValidator().Validate(null, options);
    }
}
