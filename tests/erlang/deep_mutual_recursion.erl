-module(deep_mutual_recursion).
-export([main/0]).

main() ->
    erlang:display(ping(300000)),
    erlang:display(tree_size(build(18))),
    erlang:display(ackermann(2, 3)),
    erlang:display(ackermann(3, 5)),
    erlang:display(hanoi(18, a, b, c, 0)),
    erlang:display(depth_sum(500000)),
    ok.

ping(0) -> 0;
ping(N) -> 1 + pong(N - 1).
pong(0) -> 0;
pong(N) -> 2 + ping(N - 1).

build(0) -> leaf;
build(N) -> {node, build(N - 1), build(N - 1)}.

tree_size(leaf) -> 1;
tree_size({node, L, R}) -> 1 + tree_size(L) + tree_size(R).

ackermann(0, N) -> N + 1;
ackermann(M, 0) -> ackermann(M - 1, 1);
ackermann(M, N) -> ackermann(M - 1, ackermann(M, N - 1)).

hanoi(0, _, _, _, Moves) -> Moves;
hanoi(N, From, To, Via, Moves) ->
    M1 = hanoi(N - 1, From, Via, To, Moves),
    hanoi(N - 1, Via, To, From, M1 + 1).

depth_sum(0) -> [];
depth_sum(N) ->
    case depth_sum(N - 1) of
        [] -> [N];
        [H | _] -> [H + N]
    end.
