-module(arith_collatz).
-export([main/0]).

main() ->
    erlang:display([steps(N) || N <- lists:seq(1, 30)]),
    {Best, Len} = longest(1, 30000, {1, 0}),
    erlang:display({Best, Len}),
    erlang:display(peak(27)),
    erlang:display(steps(837799)),
    erlang:display(steps(1 bsl 100 + 7)),
    erlang:display(peak(1 bsl 65 - 1)),
    ok.

steps(1) -> 0;
steps(N) when N band 1 =:= 0 -> 1 + steps(N bsr 1);
steps(N) -> 1 + steps(3 * N + 1).

longest(N, Max, Acc) when N > Max -> Acc;
longest(N, Max, {_, L} = Acc) ->
    S = steps(N),
    longest(N + 1, Max, if S > L -> {N, S}; true -> Acc end).

peak(N) -> peak(N, N).
peak(1, P) -> P;
peak(N, P) when N rem 2 =:= 0 -> peak(N div 2, max(N, P));
peak(N, P) -> peak(3 * N + 1, max(N, P)).
