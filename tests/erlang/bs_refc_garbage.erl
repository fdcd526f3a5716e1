-module(bs_refc_garbage).
-export([main/0]).
main() -> erlang:display(loop(3000, 0)).
loop(0, Acc) -> Acc;
loop(N, Acc) ->
    B = binary:copy(<<N:32>>, 100000),
    loop(N - 1, Acc + byte_size(B)).
