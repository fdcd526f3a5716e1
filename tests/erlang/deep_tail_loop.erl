-module(deep_tail_loop).
-export([main/0]).

main() ->
    erlang:display(loop(10000000, 0)),
    erlang:display(loop2(10000000, 0, 1)),
    erlang:display(count_bits(10000000, 0)),
    erlang:display(mutual_even(1000001)),
    ok.

loop(0, Acc) -> Acc;
loop(N, Acc) -> loop(N - 1, Acc + N).

loop2(0, A, B) -> {A, B};
loop2(N, A, B) -> loop2(N - 1, (A + B) band 16#FFFFFF, (A * 3 + 1) band 16#FFFFFF).

count_bits(0, Acc) -> Acc;
count_bits(N, Acc) -> count_bits(N - 1, Acc + (N band 1)).

mutual_even(0) -> true;
mutual_even(N) -> mutual_odd(N - 1).
mutual_odd(0) -> false;
mutual_odd(N) -> mutual_even(N - 1).
