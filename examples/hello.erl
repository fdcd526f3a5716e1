%% The demo program of `make run`.
-module(hello).
-export([main/0, fib/1, greet/1]).

main() ->
    erlang:display(greet(<<"kbeam">>)),
    erlang:display([fib(N) || N <- lists:seq(0, 20)]),
    erlang:display(#{fib30 => fib(30), big => 1 bsl 100}).

greet(Name) when is_binary(Name) ->
    <<"hello, ", Name/binary>>.

fib(0) -> 0;
fib(1) -> 1;
fib(N) when N > 1 -> fib(N - 1) + fib(N - 2).
