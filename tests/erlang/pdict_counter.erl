-module(pdict_counter).
-export([main/0]).

main() ->
    Text = "it was the best of times it was the worst of times it was the age of wisdom",
    [incr({word, W}) || W <- string:lexemes(Text, " ")],
    erlang:display(lists:sort([{W, N} || {{word, W}, N} <- get()])),
    fib_memo(80),
    erlang:display(get({fib, 80})),
    erlang:display(length([K || {fib, _} = K <- get_keys()])),
    put(stack, []),
    [push(X) || X <- [1, 2, 3, 4]],
    erlang:display([pop(), pop()]),
    push(99),
    erlang:display(get(stack)),
    erlang:display(lists:sort([K || {K, _} <- get(), is_atom(K)])),
    ok.

incr(K) ->
    case get(K) of
        undefined -> put(K, 1);
        N -> put(K, N + 1)
    end.

fib_memo(N) when N < 2 -> N;
fib_memo(N) ->
    case get({fib, N}) of
        undefined ->
            V = fib_memo(N - 1) + fib_memo(N - 2),
            put({fib, N}, V),
            V;
        V -> V
    end.

push(X) -> put(stack, [X | get(stack)]).
pop() -> [H | T] = get(stack), put(stack, T), H.
