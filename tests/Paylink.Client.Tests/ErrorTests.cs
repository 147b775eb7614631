namespace Paylink.Client.Tests;

/// <summary>Error answers reach the caller as <see cref="PaylinkException"/> with the envelope's fields.</summary>
[Collection(ServerCollection.Name)]
public sealed class ErrorTests(PaylinkServer server)
{
    [Fact]
    public async Task A_validation_error_names_the_parameter()
    {
        using var payment = server.CreatePaymentClient();
        var price = await Seed.PriceAsync(payment);
        var options = Seed.Link(price.Id, "Bad quantity");
        options.LineItems[0].Quantity = 0;

        var error = await Assert.ThrowsAsync<PaylinkException>(() => payment.PaymentLinks.CreateAsync(options));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("invalid_request_error", error.Type);
        Assert.Equal("parameter_invalid", error.Code);
        Assert.Equal("line_items[0].quantity", error.Param);
        Assert.Contains("quantity", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("req_", error.RequestId, StringComparison.Ordinal);
        Assert.Contains(error.Errors, e => e.Param == "line_items[0].quantity");
    }

    [Fact]
    public async Task An_unknown_id_is_a_404_resource_missing()
    {
        using var payment = server.CreatePaymentClient();

        var error = await Assert.ThrowsAsync<PaylinkException>(() => payment.PaymentLinks.RetrieveAsync("pl_doesnotexist0000000000"));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal("invalid_request_error", error.Type);
        Assert.Equal("resource_missing", error.Code);
        Assert.StartsWith("req_", error.RequestId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_key_is_a_401_and_a_per_call_key_overrides_the_client_key()
    {
        using var payment = server.CreatePaymentClient(o => o.ApiKey = "sk_test_wrong");

        var error = await Assert.ThrowsAsync<PaylinkException>(() => payment.PaymentCurrencies.RetrieveAsync("usd"));
        Assert.Equal(401, error.StatusCode);
        Assert.Equal("authentication_error", error.Type);

        var usd = await payment.PaymentCurrencies.RetrieveAsync("usd", new RequestOptions { ApiKey = server.TestKey });
        Assert.Equal("usd", usd.Id);
    }

    [Fact]
    public async Task An_unreachable_server_is_a_connection_error_after_the_retries()
    {
        var refused = new CountingHandler(_ => throw new HttpRequestException("Connection refused"));
        using var payment = new PaymentClient(
            new PaymentClientOptions { BaseUrl = new Uri("http://127.0.0.1:9/"), ApiKey = "sk_test_x", InitialRetryDelay = TimeSpan.Zero, MaxRetryDelay = TimeSpan.Zero },
            new HttpClient(refused));

        var error = await Assert.ThrowsAsync<PaylinkException>(() => payment.PaymentCurrencies.RetrieveAsync("usd"));

        Assert.Equal(0, error.StatusCode);
        Assert.Equal("api_connection_error", error.Type);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Equal(3, refused.Calls);
    }
}

/// <summary>A handler that answers (or throws) without any server, counting the attempts.</summary>
internal sealed class CountingHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
{
    private int calls;

    public int Calls => calls;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref calls);
        return Task.FromResult(answer(request));
    }
}
