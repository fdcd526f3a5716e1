-module(app_primes).
-export([main/0]).

main() ->
    Ps = sieve(10000),
    erlang:display(length(Ps)),
    erlang:display(lists:sublist(Ps, 20)),
    erlang:display(lists:last(Ps)),
    erlang:display(lists:sum(Ps)),
    erlang:display(factor(600851475143)),
    erlang:display(factor(2 * 3 * 5 * 7 * 11 * 13 * 17 * 19 * 23)),
    erlang:display([N || N <- lists:seq(1, 100), is_prime(N)] =:= lists:takewhile(fun(P) -> P =< 100 end, Ps)),
    erlang:display([miller_rabin(N) || N <- [2, 97, 561, 7919, 1000000007, (1 bsl 61) - 1, (1 bsl 64) + 1, 170141183460469231731687303715884105727]]),
    erlang:display(twin_primes(Ps, 10)),
    erlang:display(goldbach(1000, Ps)),
    erlang:display(totient(36)),
    erlang:display([totient(N) || N <- lists:seq(1, 20)]),
    ok.

%% A sieve on a binary of flags.
sieve(N) ->
    Flags = mark(2, N, binary:copy(<<1>>, N + 1)),
    [I || I <- lists:seq(2, N), binary:at(Flags, I) =:= 1].

mark(P, N, F) when P * P > N -> F;
mark(P, N, F) ->
    case binary:at(F, P) of
        0 -> mark(P + 1, N, F);
        1 -> mark(P + 1, N, clear(P * P, P, N, F))
    end.

clear(I, _, N, F) when I > N -> F;
clear(I, P, N, F) ->
    <<Pre:I/binary, _, Post/binary>> = F,
    clear(I + P, P, N, <<Pre/binary, 0, Post/binary>>).

is_prime(N) when N < 2 -> false;
is_prime(N) -> is_prime(N, 2).
is_prime(N, D) when D * D > N -> true;
is_prime(N, D) when N rem D =:= 0 -> false;
is_prime(N, D) -> is_prime(N, D + 1).

factor(N) -> factor(N, 2, []).
factor(1, _, Acc) -> lists:reverse(Acc);
factor(N, D, Acc) when D * D > N -> lists:reverse([N | Acc]);
factor(N, D, Acc) when N rem D =:= 0 -> factor(N div D, D, [D | Acc]);
factor(N, D, Acc) -> factor(N, D + 1, Acc).

miller_rabin(2) -> true;
miller_rabin(N) when N rem 2 =:= 0 -> false;
miller_rabin(N) ->
    {S, D} = split(N - 1, 0),
    lists:all(fun(A) -> A rem N =:= 0 orelse witness(A, S, D, N) end, [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37]).

split(D, S) when D rem 2 =:= 0 -> split(D div 2, S + 1);
split(D, S) -> {S, D}.

witness(A, S, D, N) ->
    X = powmod(A, D, N),
    X =:= 1 orelse X =:= N - 1 orelse square_chain(X, S - 1, N).

square_chain(_, 0, _) -> false;
square_chain(X, R, N) ->
    Y = X * X rem N,
    Y =:= N - 1 orelse square_chain(Y, R - 1, N).

powmod(_, 0, _) -> 1;
powmod(B, E, M) when E rem 2 =:= 0 -> H = powmod(B, E div 2, M), H * H rem M;
powmod(B, E, M) -> B * powmod(B, E - 1, M) rem M.

twin_primes([A, B | T], N) when N > 0, B - A =:= 2 -> [{A, B} | twin_primes([B | T], N - 1)];
twin_primes([_ | T], N) when N > 0 -> twin_primes(T, N);
twin_primes(_, _) -> [].

goldbach(N, Ps) -> hd([{P, N - P} || P <- Ps, P =< N div 2, is_prime(N - P)]).

totient(N) -> length([K || K <- lists:seq(1, N), gcd(K, N) =:= 1]).
gcd(A, 0) -> A;
gcd(A, B) -> gcd(B, A rem B).
