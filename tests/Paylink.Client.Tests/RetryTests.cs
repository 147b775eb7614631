namespace Paylink.Client.Tests;

/// <summary>Retries are safe: one idempotency key per call makes a retried POST change things once.</summary>
[Collection(ServerCollection.Name)]
public sealed class RetryTests(PaylinkServer server)
{
    private const string LinksPath = "/api/payment-links";

    [Fact]
    public async Task Two_503s_after_the_commit_still_make_exactly_one_link()
    {
        using var payment = server.CreatePaymentClient();
        var price = await Seed.PriceAsync(payment);
        var name = Seed.Tag("retried");
        var key = "order-" + Guid.NewGuid().ToString("N");
        server.Faults.Fail(FaultInjection.WithIdempotencyKey(key), times: 2);

        var link = await payment.PaymentLinks.CreateAsync(Seed.Link(price.Id, name), new RequestOptions { IdempotencyKey = key });

        Assert.Equal(name, link.Name);
        Assert.Equal(3, server.Faults.Seen.Count(s => s.IdempotencyKey == key));
        var matching = await payment.PaymentLinks.ListAsync(new PaymentLinkListOptions { Q = name });
        Assert.Equal(1, matching.Count);
        Assert.Equal(link.Id, Assert.Single(matching.List).Id);
    }

    [Fact]
    public async Task The_client_makes_one_key_of_its_own_for_all_attempts_of_a_post()
    {
        using var payment = server.CreatePaymentClient();
        var price = await Seed.PriceAsync(payment);
        var name = Seed.Tag("own key");
        var before = server.Faults.SeenFor("POST", LinksPath).Count;
        server.Faults.Fail(FaultInjection.Post(LinksPath), times: 2);

        var link = await payment.PaymentLinks.CreateAsync(Seed.Link(price.Id, name));

        var attempts = server.Faults.SeenFor("POST", LinksPath).Skip(before).ToList();
        Assert.Equal(3, attempts.Count);
        Assert.NotNull(attempts[0].IdempotencyKey);
        Assert.All(attempts, a => Assert.Equal(attempts[0].IdempotencyKey, a.IdempotencyKey));
        Assert.Equal(1, (await payment.PaymentLinks.ListAsync(new PaymentLinkListOptions { Q = name })).Count);
        Assert.Equal(link.Id, (await payment.PaymentLinks.RetrieveAsync(link.Id)).Id);
    }

    [Fact]
    public async Task Every_post_carries_a_fresh_idempotency_key()
    {
        using var payment = server.CreatePaymentClient();
        var before = server.Faults.Seen.Count;

        var price = await Seed.PriceAsync(payment);
        await payment.PaymentLinks.CreateAsync(Seed.Link(price.Id, Seed.Tag("keys")));
        await payment.PaymentLinks.CreateAsync(Seed.Link(price.Id, Seed.Tag("keys")));

        var posts = server.Faults.Seen.Skip(before).Where(s => s.Method == "POST").ToList();
        Assert.Equal(3, posts.Count);
        Assert.All(posts, p => Assert.False(string.IsNullOrEmpty(p.IdempotencyKey)));
        Assert.Equal(3, posts.Select(p => p.IdempotencyKey).Distinct().Count());
    }

    [Fact]
    public async Task Failures_beyond_the_retries_throw_the_last_answer()
    {
        using var payment = server.CreatePaymentClient(o => o.MaxRetries = 1);
        var key = Guid.NewGuid().ToString("N");
        server.Faults.Fail(FaultInjection.WithIdempotencyKey(key), times: 2, afterHandling: false);

        var error = await Assert.ThrowsAsync<PaylinkException>(() =>
            payment.Products.CreateAsync(new ProductCreateOptions { Name = "Never" }, new RequestOptions { IdempotencyKey = key }));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal("api_error", error.Type);
        Assert.Equal(2, server.Faults.Seen.Count(s => s.IdempotencyKey == key));
    }

    [Fact]
    public async Task A_409_idempotency_key_in_use_is_retried()
    {
        using var payment = server.CreatePaymentClient();
        var key = Guid.NewGuid().ToString("N");
        server.Faults.Fail(FaultInjection.WithIdempotencyKey(key), times: 1, status: 409, code: "idempotency_key_in_use", afterHandling: false);

        var product = await payment.Products.CreateAsync(new ProductCreateOptions { Name = "In flight" }, new RequestOptions { IdempotencyKey = key });

        Assert.Equal("In flight", product.Name);
        Assert.Equal(2, server.Faults.Seen.Count(s => s.IdempotencyKey == key));
    }

    [Fact]
    public async Task Other_409s_and_400s_are_not_retried()
    {
        using var payment = server.CreatePaymentClient();
        var key = Guid.NewGuid().ToString("N");
        server.Faults.Fail(FaultInjection.WithIdempotencyKey(key), times: 1, status: 409, code: "resource_conflict", afterHandling: false);

        var conflict = await Assert.ThrowsAsync<PaylinkException>(() =>
            payment.Products.CreateAsync(new ProductCreateOptions { Name = "Conflict" }, new RequestOptions { IdempotencyKey = key }));
        Assert.Equal(409, conflict.StatusCode);
        Assert.Equal("resource_conflict", conflict.Code);
        Assert.Equal(1, server.Faults.Seen.Count(s => s.IdempotencyKey == key));

        var invalidKey = Guid.NewGuid().ToString("N");
        var invalid = await Assert.ThrowsAsync<PaylinkException>(() =>
            payment.Products.CreateAsync(new ProductCreateOptions { Name = "" }, new RequestOptions { IdempotencyKey = invalidKey }));
        Assert.Equal(400, invalid.StatusCode);
        Assert.Equal(1, server.Faults.Seen.Count(s => s.IdempotencyKey == invalidKey));
    }

    [Fact]
    public async Task Connection_failures_and_timeouts_are_retried()
    {
        var flaky = new FlakyHandler(failures: 1, hangs: 1);
        using var payment = server.CreatePaymentClient(o => o.RequestTimeout = TimeSpan.FromMilliseconds(200), flaky);
        var name = Seed.Tag("flaky");

        var product = await payment.Products.CreateAsync(new ProductCreateOptions { Name = name });

        Assert.Equal(name, product.Name);
        Assert.Equal(3, flaky.Attempts);
        Assert.Equal(1, (await payment.Products.ListAsync(new ProductListOptions { Q = name })).Count);
    }

    /// <summary>Throws a connection failure, then hangs until the attempt times out, then lets requests through.</summary>
    private sealed class FlakyHandler(int failures, int hangs) : DelegatingHandler
    {
        public int Attempts { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Attempts++;
            if (Attempts <= failures)
            {
                throw new HttpRequestException("Connection reset by peer");
            }

            if (Attempts <= failures + hangs)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
